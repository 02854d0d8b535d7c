package org.milieu.platform;

import java.time.Duration;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the reactions to module events that did not finish: a listener that failed because
 * the database went away mid-way, or one left unfinished on a node that was killed. Spring
 * Modulith's staleness monitor marks a publication failed once it has waited or run too long
 * ({@code spring.modulith.events.staleness.*}); this job resubmits the failed ones, on one node at
 * a time, each claimed before it runs, so that no node restart is needed for them to complete.
 * Listeners must be idempotent (the reaction may have done its work before its completion was
 * recorded), as they already must for the republication at start-up.
 */
@Component
class EventPublicationRetry {

	private final FailedEventPublications failed;

	private final Duration minAge;

	EventPublicationRetry(FailedEventPublications failed,
			@Value("${milieu.events.retry-min-age:PT1M}") Duration minAge) {
		this.failed = failed;
		this.minAge = minAge;
	}

	@Scheduled(fixedDelayString = "${milieu.events.retry-interval:PT1M}", initialDelayString = "${milieu.events.retry-interval:PT1M}")
	@SchedulerLock(name = "platform-event-retry", lockAtMostFor = "PT10M")
	void resubmitFailed() {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge));
	}
}
