package org.milieu.residents.occupancy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Takes the daily census snapshot soon after midnight in each program's time zone: every 15
 * minutes it looks for programs whose yesterday has no snapshot yet. One node of the cluster
 * runs it at a time (ShedLock), and a snapshot taken twice is the same row.
 */
@Component
class CensusSnapshotJob {

	private final CensusSnapshots snapshots;

	CensusSnapshotJob(CensusSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT30S")
	@SchedulerLock(name = "residents-census-snapshot", lockAtMostFor = "PT10M")
	void snapshot() {
		snapshots.takeMissing();
	}
}
