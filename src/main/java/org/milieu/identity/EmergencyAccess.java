package org.milieu.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.audit.Purpose;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency ("break-glass") access: staff and clinicians may open a resident's record outside
 * their usual reach after stating why. The grant lasts {@code milieu.security.emergency-access-duration}
 * (an hour by default), every read under it is audited with purpose EMERGENCY, and each grant
 * waits in a list for the program director's review.
 */
@Service
public class EmergencyAccess {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail trail;

	private final Duration duration;

	EmergencyAccess(JdbcClient jdbc, Clock clock, AuditTrail trail,
			@Value("${milieu.security.emergency-access-duration:1h}") Duration duration) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.trail = trail;
		this.duration = duration;
	}

	/**
	 * Opens emergency access to a resident the caller has confirmed exists in the program.
	 * Residents and family members may not break the glass.
	 */
	@Transactional
	public Grant open(MilieuUser user, UUID residentId, String reason) {
		if (!(user.has(Role.STAFF) || user.has(Role.CLINICIAN) || user.has(Role.ADMIN))) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(residentId, null).on("EmergencyAccess", null).because(Purpose.EMERGENCY)
				.saying("emergency access refused: role may not break the glass"));
			throw new AccessDeniedException("only staff, clinicians and the director may use emergency access");
		}
		String why = reason == null ? "" : reason.trim();
		if (why.length() < 10 || why.length() > 1000) {
			throw new RuleViolation("emergency.reason.length", "reason", 10, 1000);
		}
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		Instant expires = now.plus(duration);
		jdbc.sql("""
				insert into identity_emergency_access (id, program_id, account_id, resident_id, reason, granted_at, expires_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), user.accountId(), residentId, why, Timestamp.from(now),
					Timestamp.from(expires))
			.update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.EMERGENCY_ACCESS, AuditOutcome.SUCCESS).about(residentId, null)
			.on("EmergencyAccess", id).because(Purpose.EMERGENCY).saying(why));
		return new Grant(id, user.getUsername(), residentId, why, now, expires, null, null, null);
	}

	/** Whether this person holds an unexpired emergency grant for this resident. */
	@Transactional(readOnly = true)
	public boolean active(UUID accountId, UUID residentId) {
		return jdbc.sql("""
				select exists (select 1 from identity_emergency_access
				                where account_id = ? and resident_id = ? and expires_at > ?)""")
			.params(accountId, residentId, Timestamp.from(clock.instant())).query(Boolean.class).single();
	}

	/** The residents this person holds unexpired emergency grants for. */
	@Transactional(readOnly = true)
	public Set<UUID> activeResidents(UUID accountId) {
		return Set.copyOf(jdbc.sql("select resident_id from identity_emergency_access where account_id = ? and expires_at > ?")
			.params(accountId, Timestamp.from(clock.instant())).query(UUID.class).list());
	}

	/** Every grant of the program, those awaiting review first, newest first. */
	@Transactional(readOnly = true)
	public List<Grant> forReview(MilieuUser admin) {
		return jdbc.sql("""
				select e.id, a.username, e.resident_id, e.reason, e.granted_at, e.expires_at, r.username as reviewer,
				       e.reviewed_at, e.review_note
				  from identity_emergency_access e
				  join identity_account a on a.id = e.account_id
				  left join identity_account r on r.id = e.reviewed_by
				 where e.program_id = ?
				 order by e.reviewed_at is not null, e.granted_at desc
				 limit 500""")
			.param(admin.programId().value())
			.query((rs, n) -> new Grant(rs.getObject("id", UUID.class), rs.getString("username"),
					rs.getObject("resident_id", UUID.class), rs.getString("reason"), rs.getTimestamp("granted_at").toInstant(),
					rs.getTimestamp("expires_at").toInstant(), rs.getString("reviewer"),
					rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
					rs.getString("review_note")))
			.list();
	}

	/** The director records that a grant was reviewed, with a note. */
	@Transactional
	public void review(MilieuUser admin, UUID grantId, String note) {
		String text = note == null ? "" : note.trim();
		if (text.isEmpty() || text.length() > 1000) {
			throw new RuleViolation("emergency.note.length", "note", 1, 1000);
		}
		int changed = jdbc.sql("""
				update identity_emergency_access set reviewed_by = ?, reviewed_at = ?, review_note = ?
				 where id = ? and program_id = ? and reviewed_at is null""")
			.params(admin.accountId(), Timestamp.from(clock.instant()), text, grantId, admin.programId().value()).update();
		if (changed == 0) {
			throw new RecordNotFound("EmergencyAccess", grantId);
		}
		trail.record(AuditEntry.of(admin.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on("EmergencyAccess", grantId)
			.saying("reviewed: " + text));
	}

	/** One emergency grant; reviewer fields are null until reviewed. */
	public record Grant(UUID id, String username, UUID residentId, String reason, Instant grantedAt, Instant expiresAt,
			@Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewNote) {
	}
}
