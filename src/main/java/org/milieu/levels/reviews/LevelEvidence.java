package org.milieu.levels.reviews;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.facts.FactKind;
import org.milieu.levels.facts.LevelFacts;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.CriterionKind;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence view: a resident's level, since when, and every criterion for the next level as
 * measured today, with the entries behind each one. Reads pass the access policy (levels and
 * ratings; the entries of a fact kind also its own category) and are audited.
 */
@Service
public class LevelEvidence {

	private final EvidenceReader reader;

	private final LevelSchemes schemes;

	private final ResidentLevels levels;

	private final LevelFacts facts;

	private final Census census;

	private final AccessPolicy policy;

	private final JdbcClient jdbc;

	LevelEvidence(EvidenceReader reader, LevelSchemes schemes, ResidentLevels levels, LevelFacts facts, Census census,
			AccessPolicy policy, JdbcClient jdbc) {
		this.reader = reader;
		this.schemes = schemes;
		this.levels = levels;
		this.facts = facts;
		this.census = census;
		this.policy = policy;
		this.jdbc = jdbc;
	}

	/** A resident's evidence today; a resident reads their own. */
	@Transactional
	public Evidence of(MilieuUser user, UUID residentId) {
		CensusEntry resident = inProgram(user.programId(), residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.houseId()), "LevelEvidence", residentId);
		return measure(user.programId(), resident);
	}

	/** Measures one resident without a reader: for the review engine and other trusted callers in this module. */
	@Transactional(readOnly = true)
	Evidence measure(ProgramId program, CensusEntry resident) {
		LocalDate today = today(program);
		CurrentLevel level = levels.currentOf(program, resident.residentId())
			.orElseThrow(() -> new RuleViolation("evidence.no-level", "residentId"));
		LevelScheme scheme = schemes.inForce(program, today);
		return reader.measure(program, scheme,
				List.of(new EvidenceReader.Subject(resident.residentId(), resident.houseId(), level)), today, false)
			.get(resident.residentId());
	}

	/**
	 * The entries behind one criterion of a resident's evidence, newest first: the ratings of its
	 * domain or the facts of its kind in its window. Reading facts also needs their category.
	 */
	@Transactional
	public List<EvidenceEntry> entries(MilieuUser user, UUID residentId, String key) {
		Evidence evidence = of(user, residentId);
		CriterionResult result = evidence.criteria().stream().filter(r -> r.key().equals(key)).findFirst()
			.orElseThrow(() -> new RecordNotFound("Criterion", key));
		Criterion c = result.criterion();
		LocalDate to = evidence.measuredOn();
		if (c.windowDays() == null) {
			return List.of();
		}
		LocalDate from = to.minusDays(c.windowDays() - 1L);
		if (EvidenceReader.RATING_KINDS.contains(c.kind())) {
			RatingDomain domain = c.kind() == CriterionKind.NO_DESTRUCTIVE_BEHAVIOUR ? RatingDomain.SAFETY : c.domain();
			int atLeast = c.kind() == CriterionKind.RATING_SHARE ? c.atLeast() : domain == RatingDomain.SAFETY ? 1 : 0;
			return jdbc.sql("""
					select id, shift_date, shift, value, note, rated_by from levels_shift_rating
					 where program_id = ? and resident_id = ? and domain = ? and superseded_by is null
					   and shift_date between ? and ?
					 order by shift_date desc, array_position(array['EVENING','DAY','NIGHT'], shift)""")
				.params(user.programId().value(), residentId, domain.name(), from, to)
				.query((rs, n) -> new EvidenceEntry(rs.getObject("id", UUID.class), rs.getObject("shift_date", LocalDate.class),
						rs.getString("shift"), "rating.domain." + domain.name(), rs.getInt("value"), null,
						rs.getString("note"), rs.getString("rated_by"), rs.getInt("value") >= atLeast, null, false))
				.list();
		}
		FactKind kind = switch (c.kind()) {
			case ATTENDANCE, ATTENDANCE_CLEAR -> FactKind.ATTENDANCE;
			case RESPONSIBILITY_ACKNOWLEDGED -> FactKind.RESPONSIBILITY;
			case FAMILY_CONTACT_WEEKLY -> FactKind.FAMILY_CONTACT;
			case NO_MAJOR_INCIDENT -> FactKind.INCIDENT;
			case WORK_COMPLETION -> FactKind.WORK;
			default -> throw new IllegalStateException(c.kind().name());
		};
		policy.enforce(user, AuditAction.READ, kind.category(), new ResidentScope(residentId, evidence.houseId()),
				"LevelFact", residentId);
		return facts.facts(kind, user.programId(), List.of(residentId), from, to).stream()
			.sorted(java.util.Comparator.comparing(org.milieu.levels.facts.Fact::occurredOn).reversed())
			.map(f -> new EvidenceEntry(f.id(), f.occurredOn(), null, kind.nameKey(), null, f.outcomeKey(), f.detail(),
					f.recordedBy(), counts(c.kind(), f.outcome()), f.origin(), f.byHand()))
			.toList();
	}

	private static boolean counts(CriterionKind kind, String outcome) {
		return switch (kind) {
			case ATTENDANCE -> outcome.startsWith("ATTENDED");
			case ATTENDANCE_CLEAR -> outcome.equals("ATTENDED");
			case RESPONSIBILITY_ACKNOWLEDGED -> outcome.equals("ACKNOWLEDGED");
			case NO_MAJOR_INCIDENT -> !outcome.equals("MAJOR");
			case WORK_COMPLETION -> !outcome.equals("NOT_DONE");
			default -> true;
		};
	}

	/**
	 * What other modules link to the criteria of a resident's evidence (a treatment plan's
	 * objectives), for a reader who may read it: under each criterion key of the next level (none at
 * the top level), the
	 * latest fact of each linked record since the resident's admission (the same words under the same
	 * criterion are one record, so an objective carried into a later version of the plan shows once,
	 * with its latest rating), newest first, and the pages of those records. Shown beside the
	 * criterion as evidence; no criterion counts it. A kind is read only by a reader the access policy
	 * lets read its category, or by the resident themself where the kind is theirs to read
	 * ({@link FactKind#readByResident()}); each read is audited, and a reader who may not read a kind
	 * gets none of it, without an error.
	 */
	@Transactional
	public Linked linked(MilieuUser user, Evidence evidence) {
		CensusEntry resident = inProgram(user.programId(), evidence.residentId());
		ResidentScope scope = new ResidentScope(evidence.residentId(), resident.houseId());
		Map<String, List<org.milieu.levels.facts.Fact>> byCriterion = new java.util.LinkedHashMap<>();
		List<String> records = new java.util.ArrayList<>();
		for (FactKind kind : FactKind.values()) {
			if (!kind.linkedToCriterion() || !facts.suppliedByModule(kind) || !mayRead(user, kind, scope)) {
				continue;
			}
			records.addAll(facts.recordsOf(kind, user.programId(), evidence.residentId()));
			if (evidence.nextLevel() == null) {
				continue; // at the top level no criterion lies ahead; the plan is still linked
			}
			Map<String, org.milieu.levels.facts.Fact> latest = new java.util.LinkedHashMap<>();
			facts.facts(kind, user.programId(), List.of(evidence.residentId()), resident.admittedOn(), evidence.measuredOn())
				.stream()
				.filter(f -> f.criterion() != null && f.criterion().level() == evidence.nextLevel())
				.sorted(java.util.Comparator.comparing(org.milieu.levels.facts.Fact::occurredOn).reversed())
				.forEach(f -> latest.putIfAbsent(f.criterion().key() + "\n" + f.detail(), f));
			latest.values().forEach(f -> byCriterion.computeIfAbsent(f.criterion().key(), k -> new java.util.ArrayList<>()).add(f));
		}
		return new Linked(byCriterion, records);
	}

	private boolean mayRead(MilieuUser user, FactKind kind, ResidentScope scope) {
		if (kind.readByResident() && user.has(org.milieu.identity.Role.RESIDENT)
				&& scope.residentId().equals(user.residentId())) {
			policy.enforceResidentContribution(user, AuditAction.READ, kind.category(), scope, "LevelFact",
					scope.residentId(), null);
			return true;
		}
		if (!policy.decide(user, org.milieu.identity.AccessAction.READ, kind.category(), scope).allowed()) {
			return false;
		}
		policy.enforce(user, AuditAction.READ, kind.category(), scope, "LevelFact", scope.residentId());
		return true;
	}

	/**
	 * The facts other modules link to the criteria of one resident's evidence, by criterion key, and
	 * the pages of the records they come from (the resident's treatment plan).
	 */
	public record Linked(Map<String, List<org.milieu.levels.facts.Fact>> byCriterion, List<String> records) {

		public Linked {
			byCriterion = Map.copyOf(byCriterion);
			records = List.copyOf(records);
		}

		/** The linked facts under one criterion, newest first. */
		public List<org.milieu.levels.facts.Fact> under(String key) {
			return byCriterion.getOrDefault(key, List.of());
		}
	}

	/** Every resident of the program today, measured at once: for the review engine. */
	@Transactional(readOnly = true)
	Map<UUID, Evidence> measureAll(ProgramId program, List<CensusEntry> residents) {
		LocalDate today = today(program);
		Map<UUID, CurrentLevel> current = levels.current(program);
		List<EvidenceReader.Subject> subjects = residents.stream().filter(e -> current.containsKey(e.residentId()))
			.map(e -> new EvidenceReader.Subject(e.residentId(), e.houseId(), current.get(e.residentId()))).toList();
		return reader.measure(program, schemes.inForce(program, today), subjects, today, true);
	}

	LocalDate today(ProgramId program) {
		return census.day(program);
	}

	private CensusEntry inProgram(ProgramId program, UUID residentId) {
		return census.find(program, residentId).orElseThrow(() -> new RecordNotFound("Resident", residentId));
	}

	/**
	 * One entry behind a criterion: a rating or a fact, and whether it counts toward the criterion.
	 * A fact carries its origin (the job occurrence or meeting it comes from, or an entry by hand);
	 * a rating has none, it is the point sheet's own record, nor an outcome; a note is optional on both.
	 * {@code byHand}: a fact staff entered by hand.
	 */
	public record EvidenceEntry(UUID id, LocalDate on, @Nullable String shift, String labelKey, @Nullable Integer value,
			@Nullable String outcomeKey, @Nullable String note, String recordedBy, boolean counts,
			org.milieu.levels.facts.@Nullable FactOrigin origin, boolean byHand) {
	}
}
