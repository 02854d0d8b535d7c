package org.milieu.government;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * The staff dashboard's word on client government: open action items past their due date, problems
 * whose follow-up is overdue, and problems still only raised a week after their meeting; nothing
 * that is done, closed or recent, and nothing for a resident.
 */
@MilieuWebTest
class ActionItemAttentionTests {

	@Autowired
	ActionItemAttention attention;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	List<Attention> forUser(String username) {
		MilieuUser user = signIns.user(username);
		return attention.attentionFor(new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities()));
	}

	UUID meeting(Instant startsAt) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, created_at)
				values (?, ?, null, 'AD_HOC', 'Attention test meeting', ?, 'CLOSED', 'staff', ?)""")
			.params(id, signIns.user("staff").programId().value(), Timestamp.from(startsAt), Timestamp.from(startsAt))
			.update();
		return id;
	}

	UUID problem(UUID meeting, String title, int position) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into government_agenda_item (id, meeting_id, kind, title, submitted_by, position, status, submitted_at)
				values (?, ?, 'PROBLEM', ?, 'staff', ?, 'DISCUSSED', ?)""")
			.params(id, meeting, title, position, Timestamp.from(clock.instant().minus(Duration.ofDays(9)))).update();
		return id;
	}

	void followUp(UUID problem, String status, LocalDate dueOn) {
		jdbc.sql("""
				insert into government_follow_up (program_id, agenda_item_id, status, note, due_on, recorded_by, recorded_at)
				values (?, ?, ?, 'test', ?, 'staff', ?)""")
			.params(signIns.user("staff").programId().value(), problem, status, dueOn,
					Timestamp.from(clock.instant().minus(Duration.ofDays(8))))
			.update();
	}

	@Test
	void staffSeeOverdueItemsAndProblemsWaitingOnFollowUpButNothingDoneClosedOrRecent() {
		LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
		UUID old = meeting(clock.instant().minus(Duration.ofDays(8)));
		UUID waiting = problem(old, "Attention: still only raised", 1);
		UUID late = problem(old, "Attention: follow-up late", 2);
		followUp(late, "IN_PROGRESS", today.minusDays(3));
		UUID resolved = problem(old, "Attention: resolved long ago", 3);
		followUp(resolved, "RESOLVED", today.minusDays(3));
		UUID recent = meeting(clock.instant().minus(Duration.ofDays(2)));
		problem(recent, "Attention: raised two days ago", 1);
		jdbc.sql("""
				insert into government_action_item (id, program_id, meeting_id, title, owner_staff, due_on, status, created_by,
				                                    created_at, done_by, done_at)
				values (?, ?, ?, 'Attention: done already', 'staff', ?, 'DONE', 'staff', now(), 'staff', now())""")
			.params(UUID.randomUUID(), signIns.user("staff").programId().value(), old, today.minusDays(5)).update();
		jdbc.sql("""
				insert into government_action_item (id, program_id, meeting_id, title, owner_staff, due_on, status, created_by,
				                                    created_at)
				values (?, ?, ?, 'Attention: open and late', 'staff', ?, 'OPEN', 'staff', now())""")
			.params(UUID.randomUUID(), signIns.user("staff").programId().value(), old, today.minusDays(5)).update();

		List<Attention> items = forUser("staff");
		List<String> texts = items.stream().map(a -> a.code() + " " + a.args().get(0)).toList();
		assertThat(texts).contains(ActionItemAttention.ACTION_OVERDUE + " Attention: open and late",
				ActionItemAttention.PROBLEM_WAITING + " Attention: still only raised",
				ActionItemAttention.PROBLEM_OVERDUE + " Attention: follow-up late");
		assertThat(texts).noneMatch(t -> t.contains("done already") || t.contains("resolved long ago")
				|| t.contains("raised two days ago"));
		assertThat(items).filteredOn(a -> a.args().get(0).equals("Attention: still only raised"))
			.allMatch(a -> a.link().equals("/action-items#problem-" + waiting));
		assertThat(forUser("resident01")).isEmpty();
	}
}
