package org.milieu.residents.occupancy;

import org.milieu.platform.DemoContributor;
import org.milieu.platform.DemoCommunity;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Snapshots for the demo's last 60 days, so the occupancy report has a history to show. */
@Component
@Order(500)
class OccupancyDemoData implements DemoContributor {

	private final CensusSnapshots snapshots;

	OccupancyDemoData(CensusSnapshots snapshots) {
		this.snapshots = snapshots;
	}

	@Override
	public void contribute(DemoCommunity community) {
		for (int day = 60; day >= 1; day--) {
			snapshots.take(community.program().id(), community.today().minusDays(day));
		}
	}
}
