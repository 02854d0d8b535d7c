package org.milieu.levels.reviews;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.CurrentLevel;
import org.milieu.levels.DestructiveBehaviourRated;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.facts.MajorIncidentRecorded;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.ProgramId;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review engine. Nightly (after 01:00 where the program is, once per day for the whole
 * cluster) and on demand it measures every resident and opens an advancement review for each one
 * who meets the next level's criteria and has no open review. A step-down review opens at once,
 * in the same transaction, when a shift rating records destructive behaviour or a major incident is
 * recorded for a resident above level 1 (as the scheme says); the nightly run also catches any
 * such trigger of the last two days that has no review yet.
 */
@Service
public class LevelReviewEngine {

	private static final int NIGHTLY_HOUR = 1;

	private final LevelEvidence evidence;

	private final LevelReviews reviews;

	private final LevelSchemes schemes;

	private final ResidentLevels levels;

	private final Census census;

	private final Programs programs;

	private final JdbcClient jdbc;

	private final Clock clock;

	LevelReviewEngine(LevelEvidence evidence, LevelReviews reviews, LevelSchemes schemes, ResidentLevels levels,
			Census census, Programs programs, JdbcClient jdbc, Clock clock) {
		this.evidence = evidence;
		this.reviews = reviews;
		this.schemes = schemes;
		this.levels = levels;
		this.census = census;
		this.programs = programs;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** What one run did. */
	public record Run(int residents, int opened, long elapsedMs) {
	}

	/** Runs now for the user's program; for clinicians and the program director. */
	@Transactional
	public Run runNow(MilieuUser user) {
		if (!user.has(org.milieu.identity.Role.CLINICIAN) && !user.has(org.milieu.identity.Role.ADMIN)) {
			throw new AccessDeniedException("the review engine is run by clinicians and the program director");
		}
		return run(user.programId(), "ON_DEMAND", user.getUsername());
	}

	/** Every 15 minutes: runs for each program whose nightly run of today has not happened, once its night has come. */
	@Scheduled(fixedDelayString = "PT15M", initialDelayString = "PT2M")
	@SchedulerLock(name = "levels-review-engine", lockAtMostFor = "PT30M")
	void nightly() {
		for (Program program : programs.all()) {
			ZonedDateTime local = clock.instant().atZone(program.timeZone());
			if (local.getHour() < NIGHTLY_HOUR) {
				continue;
			}
			boolean done = jdbc.sql("select count(*) from levels_review_run where program_id = ? and run_on = ? "
					+ "and kind = 'NIGHTLY'").params(program.id().value(), local.toLocalDate()).query(Integer.class).single() > 0;
			if (!done) {
				run(program.id(), "NIGHTLY", LevelReviews.SYSTEM);
			}
		}
	}

	@Transactional
	Run run(ProgramId program, String kind, String by) {
		long started = System.nanoTime();
		Instant startedAt = clock.instant();
		List<CensusEntry> residents = census.today(program);
		Map<UUID, Evidence> all = evidence.measureAll(program, residents);
		Set<UUID> open = new HashSet<>(jdbc.sql("select resident_id from levels_review where program_id = ? and status = 'OPEN'")
			.param(program.value()).query(UUID.class).list());
		int opened = 0;
		for (Evidence e : all.values()) {
			if (e.allMet() && !open.contains(e.residentId())
					&& reviews.openAdvancement(program, e, LevelReviews.SYSTEM, null).isPresent()) {
				opened++;
				open.add(e.residentId());
			}
		}
		opened += sweepStepDowns(program, all);
		long elapsed = (System.nanoTime() - started) / 1_000_000;
		LocalDate today = evidence.today(program);
		jdbc.sql("""
				insert into levels_review_run (id, program_id, run_on, kind, started_at, run_by, residents, opened, elapsed_ms)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(UUID.randomUUID(), program.value(), today, kind, Timestamp.from(startedAt), by, residents.size(), opened,
					(int) elapsed)
			.update();
		return new Run(residents.size(), opened, elapsed);
	}

	/** Destructive-behaviour ratings of the last two days without a step-down review on or after their day. */
	private int sweepStepDowns(ProgramId program, Map<UUID, Evidence> all) {
		LevelScheme scheme = schemes.inForce(program, evidence.today(program));
		if (!scheme.stepDownOnDestructiveBehaviour()) {
			return 0;
		}
		LocalDate since = evidence.today(program).minusDays(1);
		int opened = 0;
		for (Map<String, Object> row : jdbc.sql("""
				select r.resident_id, r.id, r.shift_date from levels_shift_rating r
				 where r.program_id = ? and r.domain = 'SAFETY' and r.value = 0 and r.superseded_by is null
				   and r.shift_date >= ?
				   and not exists (select 1 from levels_review v where v.resident_id = r.resident_id
				                   and v.kind = 'STEP_DOWN' and v.trigger_on >= r.shift_date)
				 order by r.shift_date""").params(program.value(), since).query().listOfRows()) {
			Evidence e = all.get((UUID) row.get("resident_id"));
			if (e != null && stepDown(program, e, Review.TriggerKind.DESTRUCTIVE_BEHAVIOUR, (UUID) row.get("id"),
					((java.sql.Date) row.get("shift_date")).toLocalDate())) {
				opened++;
			}
		}
		return opened;
	}

	@EventListener
	void on(DestructiveBehaviourRated rated) {
		if (!schemes.inForce(rated.program(), rated.shiftDate()).stepDownOnDestructiveBehaviour()) {
			return;
		}
		current(rated.program(), rated.residentId()).ifPresent(e -> stepDown(rated.program(), e,
				Review.TriggerKind.DESTRUCTIVE_BEHAVIOUR, rated.ratingId(), rated.shiftDate()));
	}

	@EventListener
	void on(MajorIncidentRecorded incident) {
		if (!schemes.inForce(incident.program(), incident.occurredOn()).stepDownOnMajorIncident()) {
			return;
		}
		current(incident.program(), incident.residentId()).ifPresent(e -> stepDown(incident.program(), e,
				Review.TriggerKind.MAJOR_INCIDENT, incident.factId(), incident.occurredOn()));
	}

	private Optional<Evidence> current(ProgramId program, UUID residentId) {
		Optional<CurrentLevel> level = levels.currentOf(program, residentId);
		if (level.isEmpty()) {
			return Optional.empty();
		}
		return census.find(program, residentId).map(entry -> evidence.measure(program, entry));
	}

	/** Opens a step-down review if the resident is above level 1 and the trigger falls in their current level. */
	private boolean stepDown(ProgramId program, Evidence e, Review.TriggerKind trigger, UUID ref, LocalDate on) {
		if (e.level().number() < 2 || on.isBefore(e.since())) {
			return false;
		}
		Integer covered = jdbc.sql("select count(*) from levels_review where resident_id = ? and kind = 'STEP_DOWN' "
				+ "and trigger_on >= ?").params(e.residentId(), on).query(Integer.class).single();
		if (covered > 0) {
			return false;
		}
		return reviews.openStepDown(program, e.residentId(), e.level().number(), e, trigger, ref, on).isPresent();
	}
}
