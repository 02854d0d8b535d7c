package org.milieu.residents.passes;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for newly overdue passes every minute, so an overdue return is recorded (and
 * {@link PassOverdue} published) once, when it happens, whether or not anyone has a page open. One node of the cluster looks at a time (ShedLock).
 */
@Component
class OverdueWatch {

	private final Passes passes;

	OverdueWatch(Passes passes) {
		this.passes = passes;
	}

	@Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
	@SchedulerLock(name = "residents-pass-overdue", lockAtMostFor = "PT5M")
	void notice() {
		passes.noticeOverdue();
	}
}
