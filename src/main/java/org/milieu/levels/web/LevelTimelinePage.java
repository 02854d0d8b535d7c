package org.milieu.levels.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.timeline.LevelTimeline;
import org.milieu.levels.timeline.Timeline;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A resident's level timeline as a page: a chart of the daily rating averages with the level
 * steps, and the same figures week by week in a table for those who do not read the chart.
 */
@Controller
class LevelTimelinePage {

	/** The windows the page offers; another number of days in the address shows the default window. */
	static final List<Integer> WINDOWS = List.of(30, 90, 180, 365);

	private final LevelTimeline timelines;

	private final LevelCharts charts;

	LevelTimelinePage(LevelTimeline timelines, LevelCharts charts) {
		this.timelines = timelines;
		this.charts = charts;
	}

	@GetMapping("/residents/{id}/level-timeline")
	String timeline(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "" + LevelTimeline.DEFAULT_DAYS) int days, Locale locale, Model model) {
		int window = WINDOWS.contains(days) ? days : LevelTimeline.DEFAULT_DAYS;
		Timeline timeline = timelines.of(user, id, window);
		model.addAttribute("timeline", timeline);
		model.addAttribute("days", window);
		model.addAttribute("windows", WINDOWS);
		model.addAttribute("weeks", timeline.weeks());
		model.addAttribute("scaleDomains", List.of(RatingDomain.values()).stream().filter(d -> !d.yesNo()).toList());
		model.addAttribute("chart", charts.timeline(timeline, locale));
		return "levels/level-timeline";
	}
}
