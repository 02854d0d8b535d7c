package org.milieu.sessions;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.levels.LevelHistoryEntry;
import org.milieu.levels.ResidentLevels;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's word on missed mandatory sessions, for a clinician: one item per resident of
 * their caseload marked absent (not excused) in the last {@value #DAYS} days at an occurrence whose
 * kind of session is mandatory at the level the resident had on that day (as the level facts count
 * it, {@link AttendanceFacts}), naming the resident, the session and the day, linking to that roll
 * call. The items name residents, so each one shown passes the access policy's reach and is
 * audited as a listing.
 */
@Component
class MissedSessionsAttention implements AttentionSource {

	static final String CODE = "attendance.attention.missed";

	static final int DAYS = 14;

	private final JdbcClient jdbc;

	private final CareRelationships care;

	private final ResidentLevels levels;

	private final AccessPolicy policy;

	private final Census census;

	private final Programs programs;

	MissedSessionsAttention(JdbcClient jdbc, CareRelationships care, ResidentLevels levels, AccessPolicy policy, Census census,
			Programs programs) {
		this.jdbc = jdbc;
		this.care = care;
		this.levels = levels;
		this.policy = policy;
		this.census = census;
		this.programs = programs;
	}

	private record Missed(UUID sessionId, LocalDate occursOn, UUID residentId, UUID houseId, String name, String title,
			List<Integer> mandatoryLevels) {
	}

	@Override
	@Transactional
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user) || !user.has(Role.CLINICIAN)) {
			return List.of();
		}
		Set<UUID> caseload = care.caseload(user.accountId());
		if (caseload.isEmpty()) {
			return List.of();
		}
		LocalDate today = census.day(user.programId());
		List<Missed> absences = jdbc.sql("""
				select a.session_id, a.occurs_on, a.resident_id, coalesce(r.preferred_name, r.given_name) || ' ' || r.family_name as name,
				    st.house_id, coalesce(nullif(s.title, ''), t.name, t.code) as title, t.mandatory_levels
				from sessions_attendance a
				join sessions_session s on s.id = a.session_id
				join sessions_type t on t.id = s.type_id
				join residents_resident r on r.id = a.resident_id
				left join residents_stay st on st.resident_id = a.resident_id and st.discharged_on is null
				where a.program_id = ? and a.status = 'ABSENT' and a.resident_id = any(?) and a.occurs_on between ? and ?
				order by a.occurs_on desc, name""")
			.params(user.programId().value(), caseload.toArray(UUID[]::new), today.minusDays(DAYS), today)
			.query((rs, n) -> new Missed(rs.getObject("session_id", UUID.class), rs.getObject("occurs_on", LocalDate.class),
					rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class), rs.getString("name"),
					rs.getString("title"), Arrays.asList((Integer[]) rs.getArray("mandatory_levels").getArray())))
			.list();
		if (absences.isEmpty()) {
			return List.of();
		}
		Map<UUID, List<LevelHistoryEntry>> histories = levels.histories(user.programId(),
				absences.stream().map(Missed::residentId).collect(java.util.stream.Collectors.toSet()));
		Reach reach = policy.reach(user, AccessAction.READ, Sessions.CATEGORY);
		List<Missed> shown = absences.stream().filter(m -> m.houseId() != null
				&& m.mandatoryLevels().contains(
						SessionEligibility.levelOn(histories.getOrDefault(m.residentId(), List.of()), m.occursOn()))
				&& reach.includes(m.residentId(), m.houseId())).toList();
		if (shown.isEmpty()) {
			return List.of();
		}
		policy.recordListed(user, Sessions.CATEGORY, "SessionAttendance", reach, shown,
				m -> new ResidentScope(m.residentId(), m.houseId()), Missed::sessionId);
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		List<Attention> items = new ArrayList<>();
		for (Missed m : shown) {
			items.add(new Attention(Attention.Severity.NOTICE, CODE, List.of(m.name(), m.title(), m.occursOn()),
					"/sessions/" + m.sessionId() + "/occurrences/" + m.occursOn() + "/roll-call",
					m.occursOn().atStartOfDay(zone).toInstant()));
		}
		return items;
	}
}
