package org.milieu.levels.scheme;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * The versions of each program's level scheme. The scheme in force on a date is the latest version
 * effective on or before it, or the built-in {@link DefaultScheme} before the first. Publishing a
 * version is checked whole: four levels, unique criterion keys, windows of 1 to 365 days on every
 * criterion that has one, thresholds within their scale, an effective date not in the past.
 */
@Service
public class LevelSchemes {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String COLUMNS = "id, effective_from, document, note, published_by, published_at";

	private final JdbcClient jdbc;

	private final Census census;

	private final AuditTrail trail;

	private final Clock clock;

	LevelSchemes(JdbcClient jdbc, Census census, AuditTrail trail, Clock clock) {
		this.jdbc = jdbc;
		this.census = census;
		this.trail = trail;
		this.clock = clock;
	}

	/** The scheme in force on {@code date}. */
	@Transactional(readOnly = true)
	public LevelScheme inForce(ProgramId program, LocalDate date) {
		return jdbc.sql("select " + COLUMNS + " from levels_scheme_version where program_id = ? and effective_from <= ? "
				+ "order by effective_from desc limit 1")
			.params(program.value(), date).query(LevelSchemes::version).optional()
			.orElseGet(DefaultScheme::scheme);
	}

	/** The scheme in force today where the program is. */
	@Transactional(readOnly = true)
	public LevelScheme today(ProgramId program) {
		return inForce(program, census.day(program));
	}

	/** Every published version, newest first (the default is not listed). */
	@Transactional(readOnly = true)
	public List<LevelScheme> versions(ProgramId program) {
		return jdbc.sql("select " + COLUMNS + " from levels_scheme_version where program_id = ? order by effective_from desc")
			.param(program.value()).query(LevelSchemes::version).list();
	}

	/**
	 * Publishes a new version from {@code effectiveFrom} (today or later). Refused, with nothing
	 * stored, when the date is past or already has a version ({@code effectiveFrom}) or when the
	 * scheme is not whole ({@code levels[i]...}). The change is written to the audit trail.
	 */
	@Transactional
	public LevelScheme publish(MilieuUser user, LocalDate effectiveFrom, String note, List<SchemeLevel> levels,
			boolean stepDownOnDestructiveBehaviour, boolean stepDownOnMajorIncident) {
		ProgramId program = user.programId();
		Instant now = clock.instant();
		if (effectiveFrom == null) {
			throw new RuleViolation("scheme.effective-from.missing", "effectiveFrom");
		}
		if (effectiveFrom.isBefore(census.day(program))) {
			throw new RuleViolation("scheme.effective-from.past", "effectiveFrom", effectiveFrom);
		}
		check(levels);
		Integer existing = jdbc.sql("select count(*) from levels_scheme_version where program_id = ? and effective_from = ?")
			.params(program.value(), effectiveFrom).query(Integer.class).single();
		if (existing > 0) {
			throw new RuleViolation("scheme.effective-from.taken", "effectiveFrom", effectiveFrom);
		}
		UUID id = UUID.randomUUID();
		String document = JSON.writeValueAsString(new Document(levels, stepDownOnDestructiveBehaviour, stepDownOnMajorIncident));
		jdbc.sql("insert into levels_scheme_version (id, program_id, effective_from, document, note, published_by, published_at) "
				+ "values (?, ?, ?, cast(? as jsonb), ?, ?, ?)")
			.params(id, program.value(), effectiveFrom, document, note == null || note.isBlank() ? null : note.strip(),
					user.getUsername(), Timestamp.from(now))
			.update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.LEVELS_AND_RATINGS).on("LevelScheme", id)
			.saying("level scheme version effective from " + effectiveFrom));
		return jdbc.sql("select " + COLUMNS + " from levels_scheme_version where id = ?").param(id)
			.query(LevelSchemes::version).single();
	}

	private static void check(List<SchemeLevel> levels) {
		if (levels == null || levels.size() != 4) {
			throw new RuleViolation("scheme.levels.four", "levels");
		}
		for (int i = 0; i < levels.size(); i++) {
			SchemeLevel level = levels.get(i);
			String field = "levels[" + i + "]";
			if (level.number() != i + 1) {
				throw new RuleViolation("scheme.level.order", field + ".number", i + 1);
			}
			if (level.minimumDays() < 0 || level.minimumDays() > 365) {
				throw new RuleViolation("scheme.level.minimum-days", field + ".minimumDays");
			}
			if (level.number() == 1 && !level.criteria().isEmpty()) {
				throw new RuleViolation("scheme.level.first-has-no-criteria", field + ".criteria");
			}
			Set<String> keys = new HashSet<>();
			for (int j = 0; j < level.criteria().size(); j++) {
				checkCriterion(level.criteria().get(j), field + ".criteria[" + j + "]", keys);
			}
		}
	}

	/** A criterion on its own: also used for a per-resident adaptation. */
	static void checkCriterion(Criterion criterion, String field, Set<String> keys) {
		if (criterion.key() == null || !criterion.key().matches("[a-z0-9][a-z0-9-]{0,39}")) {
			throw new RuleViolation("scheme.criterion.key", field + ".name");
		}
		if (!keys.add(criterion.key())) {
			throw new RuleViolation("scheme.criterion.key.twice", field + ".name", criterion.key());
		}
		if (criterion.kind() == null || criterion.kind() == CriterionKind.DAYS_AT_LEVEL) {
			throw new RuleViolation("scheme.criterion.kind", field + ".kind");
		}
		checkWindow(criterion.kind(), criterion.windowDays(), field + ".window");
		checkThreshold(criterion, criterion.threshold(), field + ".threshold");
		if (criterion.kind().needsDomain()) {
			if (criterion.domain() == null || criterion.domain().yesNo()) {
				throw new RuleViolation("scheme.criterion.domain", field + ".domain");
			}
			if (criterion.kind() == CriterionKind.RATING_SHARE
					&& (criterion.atLeast() == null || !criterion.domain().accepts(criterion.atLeast()))) {
				throw new RuleViolation("scheme.criterion.at-least", field + ".atLeast", criterion.domain().lowest(),
						criterion.domain().highest());
			}
		}
	}

	public static void checkWindow(CriterionKind kind, Integer windowDays, String field) {
		if (kind.windowed() && (windowDays == null || windowDays < 1 || windowDays > 365)) {
			throw new RuleViolation("scheme.criterion.window", field, windowDays == null ? "" : windowDays);
		}
		if (!kind.windowed() && windowDays != null) {
			throw new RuleViolation("scheme.criterion.window.none", field);
		}
	}

	public static void checkThreshold(Criterion criterion, double threshold, String field) {
		double lowest = 0;
		double highest = switch (criterion.kind().unit()) {
			case PERCENT -> 100;
			case AVERAGE -> criterion.domain() == null ? 4 : criterion.domain().highest();
			case YES_NO -> 1;
			case WEEKS -> criterion.windowDays() == null ? 52 : Math.max(1, criterion.windowDays() / 7);
			case COUNT, DAYS -> 365;
		};
		if (criterion.kind().unit() == CriterionKind.Unit.AVERAGE && criterion.domain() != null) {
			lowest = criterion.domain().lowest();
		}
		if (Double.isNaN(threshold) || threshold < lowest || threshold > highest) {
			throw new RuleViolation("scheme.criterion.threshold", field, lowest, highest);
		}
	}

	private static LevelScheme version(ResultSet rs, int n) throws SQLException {
		Document document = JSON.readValue(rs.getString("document"), Document.class);
		return new LevelScheme(rs.getObject("id", UUID.class), rs.getObject("effective_from", LocalDate.class),
				rs.getString("published_by"), rs.getTimestamp("published_at").toInstant(), rs.getString("note"),
				document.levels(), document.stepDownOnDestructiveBehaviour(), document.stepDownOnMajorIncident());
	}

	/** What is stored of a version besides its date and author. */
	record Document(List<SchemeLevel> levels, boolean stepDownOnDestructiveBehaviour, boolean stepDownOnMajorIncident) {
	}
}
