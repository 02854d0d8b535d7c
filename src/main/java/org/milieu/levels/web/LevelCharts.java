package org.milieu.levels.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.milieu.levels.HouseLevels;
import org.milieu.levels.Level;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.timeline.RatingSpan;
import org.milieu.levels.timeline.Timeline;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data behind the level pages' charts, as the JSON that static/js/level-charts.js reads from
 * the canvas's {@code data-chart} attribute: the figures the page's tables show, with every label
 * already in the reader's language. No script runs inline (the content security policy forbids it),
 * and nothing goes into an address or the browser's storage.
 */
@Component
class LevelCharts {

	private final JsonMapper json;

	private final MessageSource messages;

	LevelCharts(JsonMapper json, MessageSource messages) {
		this.json = json;
		this.messages = messages;
	}

	/**
	 * The timeline: a line per four-point domain (daily averages, empty on days nobody rated),
	 * the level held each day as a stepped line on an axis of its own, and the shifts with
	 * destructive behaviour as bars.
	 */
	String timeline(Timeline timeline, Locale locale) {
		DateTimeFormatter day = DateTimeFormatter.ofPattern("d MMM", locale);
		List<String> labels = new ArrayList<>();
		List<Integer> level = new ArrayList<>();
		List<Integer> destructive = new ArrayList<>();
		for (RatingSpan span : timeline.days()) {
			labels.add(span.from().format(day));
			level.add(timeline.levelOn(span.from()).map(Level::number).orElse(null));
			destructive.add(span.tallies().get(RatingDomain.SAFETY).rated() == 0 ? null : span.destructive());
		}
		List<Map<String, Object>> domains = new ArrayList<>();
		for (RatingDomain domain : RatingDomain.values()) {
			if (domain.yesNo()) {
				continue;
			}
			domains.add(Map.of("key", domain.name(), "label", text(domain.nameKey(), locale), "values",
					timeline.days().stream().map(s -> s.average(domain)).toList()));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", labels);
		chart.put("dates", timeline.days().stream().map(RatingSpan::from).map(LocalDate::toString).toList());
		chart.put("domains", domains);
		chart.put("level", Map.of("label", text("level.timeline.chart.level", locale), "values", level));
		chart.put("destructive", Map.of("label", text("level.timeline.chart.destructive", locale), "values", destructive));
		chart.put("axes", Map.of("rating", text("level.timeline.chart.ratingAxis", locale), "level",
				text("level.timeline.chart.levelAxis", locale)));
		return json.writeValueAsString(chart);
	}

	/** The distribution: a bar per house, stacked from level 1 to level 4, then those without a level. */
	String distribution(List<HouseLevels> houses, Locale locale) {
		List<Map<String, Object>> series = new ArrayList<>();
		for (Level level : Level.values()) {
			series.add(Map.of("label", text(level.nameKey(), locale), "values",
					houses.stream().map(h -> h.count(level)).toList()));
		}
		series.add(Map.of("label", text("level.board.unassigned", locale), "values",
				houses.stream().map(HouseLevels::withoutLevel).toList()));
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", houses.stream().map(HouseLevels::houseName).toList());
		chart.put("series", series);
		chart.put("axes", Map.of("count", text("level.distribution.chart.countAxis", locale)));
		return json.writeValueAsString(chart);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}
}
