package org.milieu.levels.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.timeline.LevelStep;
import org.milieu.levels.timeline.LevelTimeline;
import org.milieu.levels.timeline.RatingSpan;
import org.milieu.levels.timeline.Timeline;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A resident's level timeline over JSON: daily rating averages and level steps, for charts and reports. */
@RestController
class LevelTimelineApi {

	private final LevelTimeline timelines;

	LevelTimelineApi(LevelTimeline timelines) {
		this.timelines = timelines;
	}

	/** The last {@code days} days (90 unless asked, at most 365); a resident reads their own. */
	@GetMapping("/api/v1/residents/{id}/level-timeline")
	ResponseEntity<TimelineResponse> timeline(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "" + LevelTimeline.DEFAULT_DAYS) int days) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(TimelineResponse.of(timelines.of(user, id, days)));
	}

	record TimelineResponse(UUID residentId, LocalDate from, LocalDate to, List<DayResponse> days,
			List<StepResponse> levels) {

		static TimelineResponse of(Timeline timeline) {
			return new TimelineResponse(timeline.residentId(), timeline.from(), timeline.to(),
					timeline.days().stream().map(DayResponse::of).toList(),
					timeline.levels().stream().map(StepResponse::of).toList());
		}
	}

	/**
	 * One day: each domain's average over the shifts rated that day (null if none); for SAFETY the
	 * share of rated shifts that were safe (0 to 1); and how many shifts were rated destructive.
	 */
	record DayResponse(LocalDate date, Map<RatingDomain, @Nullable Double> averages, int destructive) {

		static DayResponse of(RatingSpan day) {
			return new DayResponse(day.from(), day.averages(), day.destructive());
		}
	}

	/** A level held from one day to another; {@code to} is null while it is held. */
	record StepResponse(int level, LocalDate from, @Nullable LocalDate to) {

		static StepResponse of(LevelStep step) {
			return new StepResponse(step.level().number(), step.from(), step.to());
		}
	}
}
