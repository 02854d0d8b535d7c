package org.milieu.government;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each program's government settings: the defaults of {@link Settings#DEFAULTS} until the
 * director (ADMIN) changes them. Every change is audited; the settings name no resident.
 */
@Service
public class GovernmentSettings {

	/** The bounds the settings page and the database share. */
	static final int MAX_TERM_WEEKS = 52;

	static final int MAX_TERM_LIMIT = 12;

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	private final Clock clock;

	GovernmentSettings(JdbcClient jdbc, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.trail = trail;
		this.clock = clock;
	}

	/** The program's settings, or the defaults when nobody has changed them. */
	@Transactional(readOnly = true)
	public Settings of(ProgramId program) {
		return jdbc.sql("""
				select meeting_day, meeting_time, quorum_percent, officer_term_weeks, officer_term_limit
				  from government_settings where program_id = ?""")
			.param(program.value())
			.query((rs, n) -> new Settings(DayOfWeek.of(rs.getInt("meeting_day")),
					rs.getObject("meeting_time", LocalTime.class), rs.getInt("quorum_percent"),
					rs.getInt("officer_term_weeks"), rs.getInt("officer_term_limit")))
			.optional()
			.orElse(Settings.DEFAULTS);
	}

	/**
	 * Changes the program's settings (ADMIN only). Refused, storing nothing, naming the field:
	 * a missing day ({@code meetingDay}) or time ({@code meetingTime}), a quorum outside 1 to 100
	 * ({@code quorumPercent}), a term outside 1 to 52 weeks ({@code officerTermWeeks}), a term
	 * limit outside 1 to 12 ({@code officerTermLimit}).
	 */
	@Transactional
	public Settings update(MilieuUser user, Settings settings) {
		if (!user.has(Role.ADMIN)) {
			String reason = "government settings are changed by the director, not by " + user.getUsername();
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(null, DataCategory.GOVERNMENT).on("GovernmentSettings", user.programId().value())
				.saying("UPDATE refused: " + reason));
			throw new AccessDeniedException(reason);
		}
		if (settings.meetingDay() == null) {
			throw new RuleViolation("meeting.settings.day.required", "meetingDay");
		}
		if (settings.meetingTime() == null) {
			throw new RuleViolation("meeting.settings.time.required", "meetingTime");
		}
		if (settings.quorumPercent() < 1 || settings.quorumPercent() > 100) {
			throw new RuleViolation("meeting.settings.quorum.range", "quorumPercent", 1, 100);
		}
		if (settings.officerTermWeeks() < 1 || settings.officerTermWeeks() > MAX_TERM_WEEKS) {
			throw new RuleViolation("meeting.settings.term-weeks.range", "officerTermWeeks", 1, MAX_TERM_WEEKS);
		}
		if (settings.officerTermLimit() < 1 || settings.officerTermLimit() > MAX_TERM_LIMIT) {
			throw new RuleViolation("meeting.settings.term-limit.range", "officerTermLimit", 1, MAX_TERM_LIMIT);
		}
		LocalTime time = settings.meetingTime().withSecond(0).withNano(0);
		jdbc.sql("""
				insert into government_settings (program_id, meeting_day, meeting_time, quorum_percent,
				                                 officer_term_weeks, officer_term_limit, updated_by, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)
				on conflict (program_id) do update set meeting_day = excluded.meeting_day,
				       meeting_time = excluded.meeting_time, quorum_percent = excluded.quorum_percent,
				       officer_term_weeks = excluded.officer_term_weeks, officer_term_limit = excluded.officer_term_limit,
				       updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
			.params(user.programId().value(), settings.meetingDay().getValue(), time, settings.quorumPercent(),
					settings.officerTermWeeks(), settings.officerTermLimit(), user.getUsername(),
					Timestamp.from(clock.instant()))
			.update();
		Settings stored = new Settings(settings.meetingDay(), time, settings.quorumPercent(), settings.officerTermWeeks(),
				settings.officerTermLimit());
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("GovernmentSettings", user.programId().value())
			.saying("settings now " + stored));
		return stored;
	}
}
