package org.milieu.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the reactions to module events that did not finish: a listener that failed because
 * the database went away mid-way, or one left unfinished on a node that was killed. A publication
 * still waiting, running or resubmitted after {@code milieu.events.stale-after} is marked failed,
 * and every failed one older than {@code milieu.events.retry-min-age} is resubmitted, each claimed
 * before it runs; the job itself runs on one node at a time, so no node restart is needed for
 * them to complete. Listeners must be idempotent (the reaction may have done its work before its
 * completion was recorded), as they already must for the republication at start-up.
 */
@Component
class EventPublicationRetry {

	private final EventPublicationRegistry registry;

	private final FailedEventPublications failed;

	private final Duration staleAfter;

	private final Duration minAge;

	EventPublicationRetry(EventPublicationRegistry registry, FailedEventPublications failed,
			@Value("${milieu.events.stale-after:PT2M}") Duration staleAfter,
			@Value("${milieu.events.retry-min-age:PT1M}") Duration minAge) {
		this.registry = registry;
		this.failed = failed;
		this.staleAfter = staleAfter;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${milieu.events.retry-interval:PT1M}", initialDelayString = "${milieu.events.retry-interval:PT1M}")
	@SchedulerLock(name = "platform-event-retry", lockAtMostFor = "PT10M")
	void resubmitUnfinished() {
		registry.markStalePublicationsFailed(this::staleness);
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
	}

	/** How long a publication may stay in a status before it counts as failed (zero: never). */
	private Duration staleness(EventPublication.Status status) {
		return switch (status) {
			case PUBLISHED, PROCESSING, RESUBMITTED -> staleAfter;
			default -> Duration.ZERO;
		};
	}
}
