package org.milieu.government;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Houses;
import org.springframework.jdbc.core.simple.JdbcClient;
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

	static final String ACTION_OVERDUE_IN_HOUSE = "action.attention.overdueInHouse";

	static final String PROBLEM_OVERDUE = "follow-up.attention.overdue";

	static final String PROBLEM_WAITING = "follow-up.attention.waiting";

	static final String LINK = "/action-items";

	private final ActionItems actionItems;

	private final FollowUps followUps;

	private final Programs programs;

	private final Houses houses;

	private final JdbcClient jdbc;

	ActionItemAttention(ActionItems actionItems, FollowUps followUps, Programs programs, Houses houses, JdbcClient jdbc) {
		this.actionItems = actionItems;
		this.followUps = followUps;
		this.programs = programs;
		this.houses = houses;
		this.jdbc = jdbc;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user) || !Membership.staff(user)) {
			return List.of();
		}
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		java.time.LocalDate today = actionItems.today(user.programId());
		List<Attention> items = new ArrayList<>();
		List<ActionItem> overdue = actionItems.overdue(user);
		Map<UUID, String> where = places(user, overdue);
		for (ActionItem a : overdue) {
			String house = where.get(a.meetingId());
			items.add(new Attention(Attention.Severity.NOTICE, house == null ? ACTION_OVERDUE : ACTION_OVERDUE_IN_HOUSE,
					house == null ? List.of(a.title(), a.ownerName(), a.dueOn())
							: List.of(a.title(), a.ownerName(), a.dueOn(), house),
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

	/**
	 * Where each item's meeting was held: its house (none for a meeting of the whole program). Houses hold meetings of
	 * the same name on the same evening and often agree on the same task, so without the house two
	 * overdue items read as one item listed twice.
	 */
	private Map<UUID, String> places(MilieuUser user, List<ActionItem> items) {
		if (items.isEmpty()) {
			return Map.of();
		}
		Map<UUID, String> houseNames = new HashMap<>();
		houses.list(user.programId()).forEach(h -> houseNames.put(h.house().id(), h.house().name()));
		Map<UUID, String> where = new HashMap<>();
		jdbc.sql("select id, house_id from government_meeting where program_id = ? and id = any(?)")
			.params(user.programId().value(), items.stream().map(ActionItem::meetingId).distinct().toArray(UUID[]::new))
			.query((rs, n) -> {
				UUID house = rs.getObject("house_id", UUID.class);
				if (house != null && houseNames.containsKey(house)) {
					where.put(rs.getObject("id", UUID.class), houseNames.get(house));
				}
				return null;
			})
			.list();
		return where;
	}
}
