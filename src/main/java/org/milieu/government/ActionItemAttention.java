package org.milieu.government;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The home page's word on client government, for staff roles: one item per open action item past its
 * due date, and one per problem whose follow-up is overdue or that is still only raised a week after
 * its meeting, each linking to the action items page. The lists come from {@link ActionItems#overdue}
 * and {@link FollowUps#overdue}, which apply the access policy and audit the residents they name.
 */
@Component
class ActionItemAttention implements AttentionSource {

	static final String ACTION_OVERDUE = "action.attention.overdue";

	static final String PROBLEM_OVERDUE = "follow-up.attention.overdue";

	static final String PROBLEM_WAITING = "follow-up.attention.waiting";

	static final String LINK = "/action-items";

	private final ActionItems actionItems;

	private final FollowUps followUps;

	private final Programs programs;

	ActionItemAttention(ActionItems actionItems, FollowUps followUps, Programs programs) {
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.programs = programs;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user) || !Membership.staff(user)) {
			return List.of();
		}
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		java.time.LocalDate today = actionItems.today(user.programId());
		List<Attention> items = new ArrayList<>();
		for (ActionItem a : actionItems.overdue(user)) {
			items.add(new Attention(Attention.Severity.NOTICE, ACTION_OVERDUE, List.of(a.title(), a.ownerName(), a.dueOn()),
					LINK + "#action-" + a.id(), a.dueOn().atStartOfDay(zone).toInstant()));
		}
		for (ProblemFollowUp p : followUps.overdue(user)) {
			boolean late = p.dueOn() != null && p.dueOn().isBefore(today);
			items.add(late
					? new Attention(Attention.Severity.NOTICE, PROBLEM_OVERDUE, List.of(p.title(), p.dueOn()),
							LINK + "#problem-" + p.agendaItemId(), p.dueOn().atStartOfDay(zone).toInstant())
					: new Attention(Attention.Severity.NOTICE, PROBLEM_WAITING, List.of(p.title()),
							LINK + "#problem-" + p.agendaItemId(), p.meetingStartsAt().plus(FollowUps.RAISED_TOO_LONG)));
		}
		return items;
	}
}
