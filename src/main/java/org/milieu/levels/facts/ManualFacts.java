package org.milieu.levels.facts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facts staff record by hand, for the kinds no module records, and for a kind a module records
 * only on days before the module's records begin ({@link FactSource#coversFrom}). Each one passes the access policy
 * under its kind's data category (a clinician's assessment under clinical notes, a family contact
 * under family) and is audited. Refused, with nothing stored: an outcome the kind does not have,
 * a day in the future or before the stay, a resident not in the program, a kind and day a module
 * records ({@code kind}, naming the module), a kind only its module ever records ({@code kind}).
 */
@Service
public class ManualFacts {

	private static final String COLUMNS = "id, resident_id, kind, occurred_on, outcome, detail, recorded_by";

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final Census census;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final List<FactSource> modules;

	ManualFacts(JdbcClient jdbc, AccessPolicy policy, Census census, ApplicationEventPublisher events,
			Clock clock, List<FactSource> modules) {
		this.modules = List.copyOf(modules);
		this.jdbc = jdbc;
		this.policy = policy;
		this.census = census;
		this.events = events;
		this.clock = clock;
	}

	/** Records one fact; a major incident publishes {@link MajorIncidentRecorded}. */
	@Transactional
	public Fact record(MilieuUser user, UUID residentId, FactKind kind, LocalDate occurredOn, String outcome, String detail) {
		ProgramId program = user.programId();
		CensusEntry resident = census.find(program, residentId)
			.orElseThrow(() -> new RecordNotFound("Resident", residentId));
		if (kind == null) {
			throw new RuleViolation("fact.kind.missing", "kind");
		}
		if (!kind.byHand()) {
			throw new RuleViolation("fact.kind.owned", "kind");
		}
		if (outcome == null || !kind.outcomes().contains(outcome)) {
			throw new RuleViolation("fact.outcome.unknown", "outcome", String.join(", ", kind.outcomes()));
		}
		if (occurredOn == null) {
			throw new RuleViolation("fact.occurred-on.missing", "occurredOn");
		}
		Instant now = clock.instant();
		LocalDate today = census.day(program);
		if (occurredOn.isAfter(today)) {
			throw new RuleViolation("fact.occurred-on.future", "occurredOn", occurredOn);
		}
		if (occurredOn.isBefore(resident.admittedOn())) {
			throw new RuleViolation("fact.occurred-on.before-stay", "occurredOn", resident.admittedOn());
		}
		for (Coverage covered : coverage(program)) {
			if (covered.kind() == kind && covered.covers(occurredOn)) {
				// the module's name is resolved in the reader's language, like the message itself
				throw new RuleViolation("fact.kind.recorded-by-module", "kind",
						new DefaultMessageSourceResolvable(new String[] { "fact.module." + covered.module() }, covered.module()),
						covered.from());
			}
		}
		UUID id = UUID.randomUUID();
		policy.enforce(user, AuditAction.CREATE, kind.category(), new ResidentScope(residentId, resident.houseId()),
				"LevelFact", id);
		String text = detail == null || detail.isBlank() ? null : detail.strip();
		if (text != null && text.length() > 2000) {
			throw new RuleViolation("fact.detail.too-long", "detail", 2000);
		}
		jdbc.sql("""
				insert into levels_fact (id, program_id, resident_id, kind, occurred_on, outcome, detail, recorded_by, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program.value(), residentId, kind.name(), occurredOn, outcome, text, user.getUsername(),
					Timestamp.from(now))
			.update();
		Fact fact = new Fact(id, residentId, kind, occurredOn, outcome, text, user.getUsername(), FactOrigin.manual(id));
		if (kind == FactKind.INCIDENT && "MAJOR".equals(outcome)) {
			events.publishEvent(new MajorIncidentRecorded(program, residentId, id, occurredOn));
		}
		return fact;
	}

	/** The facts of one kind recorded by hand, not withdrawn, in a date range. */
	@Transactional(readOnly = true)
	public List<Fact> facts(FactKind kind, ProgramId program, Collection<UUID> residents, LocalDate from, LocalDate to) {
		return facts(java.util.Set.of(kind), program, residents, from, to);
	}

	/** The facts of several kinds recorded by hand, in one query. */
	@Transactional(readOnly = true)
	public List<Fact> facts(Collection<FactKind> kinds, ProgramId program, Collection<UUID> residents, LocalDate from,
			LocalDate to) {
		if ((residents != null && residents.isEmpty()) || kinds.isEmpty()) {
			return List.of();
		}
		String filter = residents == null ? "" : " and resident_id = any(?)";
		JdbcClient.StatementSpec spec = jdbc.sql("select " + COLUMNS + " from levels_fact where program_id = ? "
				+ "and kind = any(?) and occurred_on between ? and ? and withdrawn_at is null" + filter
				+ " order by occurred_on, recorded_at")
			.param(program.value()).param(kinds.stream().map(FactKind::name).toArray(String[]::new)).param(from).param(to);
		if (residents != null) {
			spec = spec.param(residents.toArray(UUID[]::new));
		}
		return spec.query(ManualFacts::fact).list();
	}

	/** From which day each module records its kind for the program, earliest first. */
	@Transactional(readOnly = true)
	public List<Coverage> coverage(ProgramId program) {
		List<Coverage> result = new java.util.ArrayList<>();
		for (FactSource source : modules) {
			source.coversFrom(program).ifPresent(from -> result.add(new Coverage(source.kind(), source.module(), from)));
		}
		result.sort(java.util.Comparator.comparing(Coverage::from));
		return result;
	}

	private static Fact fact(ResultSet rs, int n) throws SQLException {
		return new Fact(rs.getObject("id", UUID.class), rs.getObject("resident_id", UUID.class),
				FactKind.valueOf(rs.getString("kind")), rs.getObject("occurred_on", LocalDate.class), rs.getString("outcome"),
				rs.getString("detail"), rs.getString("recorded_by"),
				FactOrigin.manual(rs.getObject("id", UUID.class)));
	}
}
