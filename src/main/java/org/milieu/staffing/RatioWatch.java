package org.milieu.staffing;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.ResidentAdmitted;
import org.milieu.residents.ResidentDischarged;
import org.milieu.residents.ResidentMoved;
import org.milieu.shared.ProgramId;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the ratio alerts true: every 20 seconds on one node of the cluster (ShedLock), it closes
 * forgotten check-ins and re-evaluates every house; an admission, a move or a discharge
 * re-evaluates at once, after it commits.
 */
@Component
class RatioWatch {

	private final Programs programs;

	private final RatioAlerts alerts;

	private final CheckIns checkIns;

	RatioWatch(Programs programs, RatioAlerts alerts, CheckIns checkIns) {
		this.programs = programs;
		this.alerts = alerts;
		this.checkIns = checkIns;
	}

	@Scheduled(fixedDelayString = "${milieu.staffing.ratio-watch-interval:PT20S}", initialDelayString = "PT10S")
	@SchedulerLock(name = "staffing-ratio-watch", lockAtMostFor = "PT2M")
	void watch() {
		for (Program program : programs.all()) {
			checkIns.closeForgotten(program.id());
			alerts.evaluate(program.id());
		}
	}

	@ApplicationModuleListener
	void afterAdmission(ResidentAdmitted admitted) {
		alerts.evaluate(new ProgramId(admitted.programId()));
	}

	@ApplicationModuleListener
	void afterMove(ResidentMoved moved) {
		alerts.evaluate(new ProgramId(moved.programId()));
	}

	@ApplicationModuleListener
	void afterDischarge(ResidentDischarged discharged) {
		alerts.evaluate(new ProgramId(discharged.programId()));
	}
}
