package org.milieu.screening;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording and reading residents' drug screens. Every call passes the access policy for
 * {@link DataCategory#DRUG_SCREENS} and is audited in the same transaction; a screen that breaks a
 * rule is refused whole, so nothing of it (nor its audit row) is kept.
 */
@Service
public class DrugScreens {

	/** Clocks of a tablet and the server may differ a little; more than this ahead is the future. */
	static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Census census;

	private final ScreenFollowUps followUps;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	DrugScreens(JdbcClient jdbc, AccessPolicy policy, Census census, ScreenFollowUps followUps,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.census = census;
		this.followUps = followUps;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a screen of a resident in the program today, as {@code user} (staff, clinicians and
	 * the director of the resident's house or caseload). The collection time may not lie in the
	 * future; a refused screen has no results, any other has a result for each substance of its
	 * panel; a chain-of-custody form is used once. A positive or refused screen opens a follow-up
	 * for the resident's clinicians in the same transaction.
	 */
	@Transactional
	public DrugScreen record(MilieuUser user, UUID residentId, NewDrugScreen screen) {
		CensusEntry resident = resident(user.programId(), residentId);
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, DataCategory.DRUG_SCREENS,
				new ResidentScope(residentId, resident.houseId()), "DrugScreen", id);
		String collectedBy = screen.collectedBy() == null || screen.collectedBy().isBlank() ? user.displayName()
				: screen.collectedBy();
		return store(user.programId(), resident, id, screen, collectedBy, user.getUsername());
	}

	/**
	 * The resident's screens, newest first, if the policy lets {@code user} read them (a resident
	 * reads their own); the read is audited.
	 */
	@Transactional
	public ScreenHistory history(MilieuUser user, UUID residentId) {
		CensusEntry resident = resident(user.programId(), residentId);
		policy.enforce(user, AuditAction.READ, DataCategory.DRUG_SCREENS,
				new ResidentScope(residentId, resident.houseId()), "DrugScreens", residentId);
		return new ScreenHistory(residentId, resident.displayName(), resident.houseName(),
				screens(user.programId(), residentId));
	}

	/** One of the resident's screens, under the same rule and audit as {@link #history}. */
	@Transactional
	public DrugScreen screen(MilieuUser user, UUID residentId, UUID screenId) {
		return history(user, residentId).screens().stream().filter(s -> s.id().equals(screenId)).findFirst()
			.orElseThrow(() -> new RecordNotFound("DrugScreen", screenId));
	}

	/**
	 * The resident a screen is about to be recorded for, when {@code user} may record one: for the
	 * recording form. A refusal is audited and thrown; an allowed look reads the resident's name
	 * only (audited by the census).
	 */
	@Transactional
	public CensusEntry residentToScreen(MilieuUser user, UUID residentId) {
		CensusEntry resident = census.read(user, residentId);
		ResidentScope scope = new ResidentScope(residentId, resident.houseId());
		if (!policy.decide(user, AccessAction.WRITE, DataCategory.DRUG_SCREENS, scope).allowed()) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.DRUG_SCREENS, scope, "DrugScreen", null);
		}
		return resident;
	}

	/** Stores a screen after the caller's access is settled; for {@link #record} and the demo data. */
	DrugScreen store(ProgramId program, CensusEntry resident, UUID id, NewDrugScreen screen, String collectedBy,
			String recordedBy) {
		validate(program, screen);
		Outcome outcome = Outcome.of(screen.refused(), screen.results());
		String custody = blankToNull(screen.chainOfCustodyId());
		try {
			jdbc.sql("""
					insert into screening_drug_screen (id, program_id, resident_id, collected_at, specimen, panel, observed,
					       chain_of_custody_id, collected_by, refused, outcome, note, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(id, program.value(), resident.residentId(), java.sql.Timestamp.from(screen.collectedAt()),
						screen.specimen().name(), screen.panel().name(), screen.observed(), custody, collectedBy.trim(),
						screen.refused(), outcome.name(), blankToNull(screen.note()), recordedBy)
				.update();
		}
		catch (DuplicateKeyException taken) {
			throw new RuleViolation("screening.chainOfCustodyId.taken", "chainOfCustodyId", custody);
		}
		for (SubstanceResult result : screen.results()) {
			jdbc.sql("insert into screening_substance_result (screen_id, program_id, substance, result) values (?, ?, ?, ?)")
				.params(id, program.value(), result.substance().name(), result.result().name())
				.update();
		}
		if (outcome.needsFollowUp()) {
			followUps.open(program, id, resident);
		}
		events.publishEvent(new DrugScreenRecorded(program.value(), resident.residentId(), id, outcome,
				screen.collectedAt()));
		return screens(program, resident.residentId()).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
	}

	private void validate(ProgramId program, NewDrugScreen screen) {
		if (screen.collectedAt() == null || screen.specimen() == null || screen.panel() == null) {
			throw new RuleViolation("screening.incomplete", null);
		}
		if (screen.collectedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
			throw new RuleViolation("screening.collectedAt.future", "collectedAt");
		}
		if (screen.refused()) {
			if (!screen.results().isEmpty()) {
				throw new RuleViolation("screening.results.refused", "results");
			}
		}
		else {
			if (screen.results().isEmpty()) {
				throw new RuleViolation("screening.results.empty", "results");
			}
			Set<Substance> tested = EnumSet.noneOf(Substance.class);
			for (SubstanceResult result : screen.results()) {
				if (!tested.add(result.substance())) {
					throw new RuleViolation("screening.results.duplicate", "results", result.substance().name());
				}
			}
			if (!screen.panel().accepts(tested)) {
				throw new RuleViolation("screening.results.panel", "results", screen.panel().name(),
						String.join(", ", screen.panel().substances().stream().map(Enum::name).toList()));
			}
		}
		String custody = blankToNull(screen.chainOfCustodyId());
		if (custody != null && !custody.matches("[A-Za-z0-9-]{1,60}")) {
			throw new RuleViolation("screening.chainOfCustodyId.format", "chainOfCustodyId");
		}
		if (screen.collectedBy() != null && screen.collectedBy().trim().length() > 120) {
			throw new RuleViolation("screening.collectedBy.long", "collectedBy");
		}
		if (screen.note() != null && screen.note().trim().length() > 2000) {
			throw new RuleViolation("screening.note.long", "note");
		}
		if (custody != null && jdbc.sql("""
				select exists (select 1 from screening_drug_screen where program_id = ? and chain_of_custody_id = ?)""")
			.params(program.value(), custody).query(Boolean.class).single()) {
			throw new RuleViolation("screening.chainOfCustodyId.taken", "chainOfCustodyId", custody);
		}
	}

	private CensusEntry resident(ProgramId program, UUID residentId) {
		return census.find(program, residentId).orElseThrow(() -> new RecordNotFound("Resident", residentId));
	}

	/** The resident's screens, newest first, without any access decision: callers decide and audit first. */
	List<DrugScreen> screens(ProgramId program, UUID residentId) {
		Map<UUID, List<SubstanceResult>> results = new LinkedHashMap<>();
		jdbc.sql("""
				select r.screen_id, r.substance, r.result from screening_substance_result r
				  join screening_drug_screen s on s.id = r.screen_id
				 where s.program_id = ? and s.resident_id = ? and s.voided_at is null""")
			.params(program.value(), residentId)
			.query((rs, n) -> {
				results.computeIfAbsent(rs.getObject("screen_id", UUID.class), k -> new ArrayList<>())
					.add(new SubstanceResult(Substance.valueOf(rs.getString("substance")),
							SubstanceResult.Result.valueOf(rs.getString("result"))));
				return null;
			})
			.list();
		results.values().forEach(list -> list.sort(java.util.Comparator.comparing(SubstanceResult::substance)));
		return jdbc.sql("""
				select * from screening_drug_screen
				 where program_id = ? and resident_id = ? and voided_at is null
				 order by collected_at desc, recorded_at desc""")
			.params(program.value(), residentId)
			.query((rs, n) -> screen(rs, results.getOrDefault(rs.getObject("id", UUID.class), List.of())))
			.list();
	}

	private static DrugScreen screen(ResultSet rs, List<SubstanceResult> results) throws SQLException {
		return new DrugScreen(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				rs.getTimestamp("collected_at").toInstant(), Specimen.valueOf(rs.getString("specimen")),
				Panel.valueOf(rs.getString("panel")), rs.getBoolean("observed"), rs.getString("chain_of_custody_id"),
				rs.getString("collected_by"), rs.getBoolean("refused"), Outcome.valueOf(rs.getString("outcome")), results,
				rs.getString("note"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}
}
