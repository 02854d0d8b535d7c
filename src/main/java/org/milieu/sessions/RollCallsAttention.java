package org.milieu.sessions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's list of today's roll calls still to take, for the people who take them: each
 * occurrence held today (not cancelled) that the reader facilitates, or of a house they work in,
 * with an expected attendee not yet marked, linking to its roll-call page. The items name sessions,
 * not residents, so they read no resident's record.
 */
@Component
class RollCallsAttention implements AttentionSource {

	static final String CODE = "rollcall.attention.today";

	private final Occurrences occurrences;

	private final ExpectedAttendees expected;

	private final SessionAttendance attendance;

	private final AccessPolicy policy;

	private final Census census;

	private final Programs programs;

	private final SessionTypes types;

	RollCallsAttention(Occurrences occurrences, ExpectedAttendees expected, SessionAttendance attendance, AccessPolicy policy,
			Census census, Programs programs, SessionTypes types) {
		this.types = types;
		this.occurrences = occurrences;
		this.expected = expected;
		this.attendance = attendance;
		this.policy = policy;
		this.census = census;
		this.programs = programs;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			return List.of();
		}
		LocalDate today = census.day(user.programId());
		Map<String, Occurrence> mine = new LinkedHashMap<>();
		for (Occurrence o : occurrences.ofFacilitator(user.programId(), user.accountId(), today, today)) {
			mine.put(o.sessionId() + "/" + o.occursOn(), o);
		}
		Reach reach = policy.reach(user, AccessAction.WRITE, Sessions.CATEGORY);
		if (!reach.everyone()) {
			Set<UUID> houses = reach.houses();
			for (UUID house : houses) {
				for (Occurrence o : occurrences.ofHouse(user.programId(), house, today, today)) {
					mine.putIfAbsent(o.sessionId() + "/" + o.occursOn(), o);
				}
			}
		}
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		Map<UUID, String> kinds = new java.util.HashMap<>();
		List<Attention> items = new ArrayList<>();
		for (Occurrence o : mine.values()) {
			if (o.cancelled()) {
				continue;
			}
			Set<UUID> marked = attendance.marks(o.sessionId(), o.occursOn()).keySet();
			boolean open = expected.residents(user.programId(), o.sessionId(), o.occursOn()).stream()
				.anyMatch(r -> !marked.contains(r));
			if (open) {
				items.add(new Attention(Attention.Severity.NOTICE, CODE,
						List.of(o.title().isBlank() ? kindOf(user, o, kinds) : o.title(), o.start().toLocalTime().toString()),
						"/sessions/" + o.sessionId() + "/occurrences/" + o.occursOn() + "/roll-call",
						o.start().atZone(zone).toInstant()));
			}
		}
		return items;
	}

	/** The kind's name, for a session without a title of its own (a default kind by its code, as the facts name it). */
	private String kindOf(MilieuUser user, Occurrence o, Map<UUID, String> kinds) {
		if (kinds.isEmpty()) {
			types.all(user.programId()).forEach(t -> kinds.put(t.id(), t.name() != null ? t.name() : t.code()));
		}
		return kinds.getOrDefault(o.typeId(), "");
	}
}
