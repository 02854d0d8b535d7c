package org.milieu.sessions;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The demo community's weekly sessions for eight weeks from the Monday of this week: in each house a community
 * support meeting on Monday, Wednesday and Friday, social-skills learning and psycho-education once a
 * week, all at 17:00 when no job of the demo rosters runs and before Thursday's community meeting;
 * the clinician facilitates psycho-education in Bayview on Tuesdays and in Linden on Thursdays, the
 * house's staff member the others. Invented content only.
 */
@Component
@Order(800)
class SessionsDemoData implements DemoContributor {

	private static final Object[][] WEEK = {
			{ "Bayview House", "staff", "COMMUNITY_SUPPORT", "Community support", "MO,WE,FR", "Living room" },
			{ "Bayview House", "clinician", "PSYCHO_EDUCATION", "Coping with cravings", "TU", "Group room" },
			{ "Bayview House", "staff", "SOCIAL_SKILLS", "Saying no and asking for help", "TH", "Group room" },
			{ "Linden House", "staff2", "COMMUNITY_SUPPORT", "Community support", "MO,WE,FR", "Living room" },
			{ "Linden House", "staff2", "SOCIAL_SKILLS", "Saying no and asking for help", "TU", "Group room" },
			{ "Linden House", "clinician", "PSYCHO_EDUCATION", "Coping with cravings", "TH", "Group room" } };

	/** How many weeks of sessions the demo community has scheduled. */
	static final int WEEKS = 8;

	private final SessionTypes types;

	private final JdbcClient jdbc;

	SessionsDemoData(SessionTypes types, JdbcClient jdbc) {
		this.types = types;
		this.jdbc = jdbc;
	}

	@Override
	public void contribute(DemoCommunity community) {
		var program = community.program().id();
		var kinds = types.all(program);
		LocalDate monday = community.today().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		var createdAt = monday.minusDays(7).atTime(9, 0).atZone(community.program().timeZone()).toInstant()
			.atOffset(ZoneOffset.UTC);
		for (Object[] row : WEEK) {
			UUID house = jdbc.sql("select id from residents_house where program_id = ? and name = ?")
				.params(program.value(), row[0]).query(UUID.class).optional().orElse(null);
			var facilitator = jdbc.sql("select id, display_name from identity_account where username = ?").param(row[1])
				.query((rs, n) -> new Facilitator(rs.getObject("id", UUID.class), rs.getString("display_name")))
				.optional().orElse(null);
			SessionType kind = kinds.stream().filter(t -> row[2].equals(t.code())).findFirst().orElseThrow();
			if (house == null || facilitator == null) {
				continue;
			}
			UUID id = community.id("session", row[0] + ":" + row[2]);
			LocalDate first = monday.with(TemporalAdjusters.nextOrSame(day((String) row[4])));
			Recurrence rule = Recurrence.of("FREQ=WEEKLY;BYDAY=" + row[4] + ";UNTIL="
					+ monday.plusWeeks(WEEKS).minusDays(1).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE), first);
			jdbc.sql("""
					insert into sessions_session (id, program_id, type_id, title, house_id, room, first_on, starts_at,
					    duration_minutes, rrule, last_on, attendee_kind, attendee_house_id, created_by, created_by_name, created_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'HOUSE', ?, ?, ?, ?)""")
				.params(id, program.value(), kind.id(), row[3], house, row[5], first, LocalTime.of(17, 0),
						kind.durationMinutes(), rule.text(), rule.lastDate().orElseThrow(), house, facilitator.accountId(),
						facilitator.name(), createdAt)
				.update();
			jdbc.sql("insert into sessions_facilitator (session_id, account_id, name) values (?, ?, ?)")
				.params(id, facilitator.accountId(), facilitator.name()).update();
		}
	}

	private static DayOfWeek day(String byDay) {
		return switch (byDay.substring(0, 2)) {
			case "MO" -> DayOfWeek.MONDAY;
			case "TU" -> DayOfWeek.TUESDAY;
			case "WE" -> DayOfWeek.WEDNESDAY;
			case "TH" -> DayOfWeek.THURSDAY;
			default -> DayOfWeek.FRIDAY;
		};
	}
}
