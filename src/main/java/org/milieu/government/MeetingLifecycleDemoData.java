package org.milieu.government;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo community's regular meetings: after this week's meeting of each house (from
 * {@link GovernmentDemoData}), the one of the week after, as the hourly job would schedule it.
 */
@Component
@Order(610)
class MeetingLifecycleDemoData implements DemoContributor {

	private final RegularMeetings regular;

	MeetingLifecycleDemoData(RegularMeetings regular) {
		this.regular = regular;
	}

	@Override
	public void contribute(DemoCommunity community) {
		regular.ensureScheduled(community.program().id());
	}
}
