package org.milieu.levels.reviews;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-resident adjustments of the criteria: a clinician adapts a criterion for one resident
 * (another window or threshold) or waives a waivable one, always with a reason. A new adjustment
 * of the same criterion ends the one before; an adjustment is ended, never deleted.
 */
@Service
public class CriterionAdjustments {

	private final JdbcClient jdbc;

	private final LevelSchemes schemes;

	private final Census census;

	private final AccessPolicy policy;

	private final Clock clock;

	CriterionAdjustments(JdbcClient jdbc, LevelSchemes schemes, Census census, AccessPolicy policy, Clock clock) {
		this.jdbc = jdbc;
		this.schemes = schemes;
		this.census = census;
		this.policy = policy;
		this.clock = clock;
	}

	/**
	 * Adapts or waives one criterion of {@code toLevel} for a resident. Refused, with nothing
	 * stored: an unknown criterion ({@code criterionKey}), a waiver of a criterion that is not
	 * waivable or an adaptation that changes nothing ({@code kind}), a window outside 1–365 days
	 * ({@code windowDays}), a threshold off its scale ({@code threshold}), no reason ({@code reason}).
	 */
	@Transactional
	public Adjustment adjust(MilieuUser user, UUID residentId, int toLevel, String criterionKey, Adjustment.Kind kind,
			Integer windowDays, Double threshold, String reason) {
		CensusEntry resident = census.find(user.programId(), residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		requireClinician(user);
		if (toLevel < 2 || toLevel > 4) {
			throw new RuleViolation("adjustment.level", "toLevel");
		}
		Criterion criterion = schemes.today(user.programId()).criterion(toLevel, criterionKey == null ? "" : criterionKey)
			.orElseThrow(() -> new RuleViolation("adjustment.criterion.unknown", "criterionKey", toLevel));
		if (kind == null) {
			throw new RuleViolation("adjustment.kind.missing", "kind");
		}
		if (kind == Adjustment.Kind.WAIVE && !criterion.waivable()) {
			throw new RuleViolation("adjustment.not-waivable", "kind");
		}
		if (kind == Adjustment.Kind.ADAPT) {
			if (windowDays == null && threshold == null) {
				throw new RuleViolation("adjustment.nothing", "kind");
			}
			Criterion adapted = criterion.adapted(windowDays, threshold);
			LevelSchemes.checkWindow(adapted.kind(), adapted.windowDays(), "windowDays");
			LevelSchemes.checkThreshold(adapted, adapted.threshold(), "threshold");
		}
		if (reason == null || reason.isBlank()) {
			throw new RuleViolation("adjustment.reason.missing", "reason");
		}
		if (reason.strip().length() > 2000) {
			throw new RuleViolation("review.text.too-long", "reason", 2000);
		}
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.UPDATE, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.houseId()), "CriterionAdjustment", id);
		Instant now = clock.instant();
		jdbc.sql("""
				update levels_criterion_adjustment set ended_at = ?, ended_by = ?, end_reason = 'replaced'
				 where resident_id = ? and to_level = ? and criterion_key = ? and ended_at is null""")
			.params(Timestamp.from(now), user.getUsername(), residentId, toLevel, criterion.key()).update();
		jdbc.sql("""
				insert into levels_criterion_adjustment (id, program_id, resident_id, to_level, criterion_key, kind,
				                                         window_days, threshold, reason, made_by, made_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, user.programId().value(), residentId, toLevel, criterion.key(), kind.name(),
					kind == Adjustment.Kind.ADAPT ? windowDays : null, kind == Adjustment.Kind.ADAPT ? threshold : null,
					reason.strip(), user.getUsername(), Timestamp.from(now))
			.update();
		return find(id);
	}

	/** Ends an active adjustment with a reason; ending one already ended is refused. */
	@Transactional
	public Adjustment end(MilieuUser user, UUID id, String reason) {
		Adjustment adjustment = find(id);
		if (!jdbc.sql("select program_id from levels_criterion_adjustment where id = ?").param(id).query(UUID.class).single()
			.equals(user.programId().value())) {
			throw new RecordNotFound("CriterionAdjustment", id);
		}
		CensusEntry resident = census.find(user.programId(), adjustment.residentId())
			.orElseThrow(() -> new RecordNotFound("Resident", adjustment.residentId()));
		requireClinician(user);
		policy.enforce(user, AuditAction.UPDATE, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(adjustment.residentId(), resident.houseId()), "CriterionAdjustment", id);
		if (reason == null || reason.isBlank()) {
			throw new RuleViolation("adjustment.reason.missing", "reason");
		}
		int ended = jdbc.sql("update levels_criterion_adjustment set ended_at = ?, ended_by = ?, end_reason = ? "
				+ "where id = ? and ended_at is null")
			.params(Timestamp.from(clock.instant()), user.getUsername(), reason.strip(), id).update();
		if (ended != 1) {
			throw new RuleViolation("adjustment.ended", "id");
		}
		return find(id);
	}

	/** A resident's adjustments, active first, then the ended ones, newest first. */
	@Transactional
	public List<Adjustment> of(MilieuUser user, UUID residentId) {
		CensusEntry resident = census.find(user.programId(), residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.houseId()), "CriterionAdjustment", residentId);
		return jdbc.sql("select * from levels_criterion_adjustment where program_id = ? and resident_id = ? "
				+ "order by ended_at is not null, made_at desc").params(user.programId().value(), residentId)
			.query(EvidenceReader::adjustment).list();
	}

	private Adjustment find(UUID id) {
		return jdbc.sql("select * from levels_criterion_adjustment where id = ?").param(id)
			.query(EvidenceReader::adjustment).optional().orElseThrow(() -> new RecordNotFound("CriterionAdjustment", id));
	}

	private static void requireClinician(MilieuUser user) {
		if (!user.has(Role.CLINICIAN) && !user.has(Role.ADMIN)) {
			throw new AccessDeniedException("criteria are adapted by clinicians and the program director");
		}
	}
}
