package org.milieu.work;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Reach;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports on work for staff: hours and stipends per house and period, completion per job and per
 * person. A list of residents' work, so for the staff roles through the access policy's list rule,
 * limited to the residents in the reader's reach, each one shown audited. The CSV export of it is
 * for those the policy lets export work data (a clinician, the director), audited as an export.
 */
@Service
public class WorkReports {

	static final int MAX_DAYS = 366;

	private final JdbcClient jdbc;

	private final Census census;

	private final Houses houses;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	WorkReports(JdbcClient jdbc, Census census, Houses houses, AccessPolicy policy, AuditTrail trail) {
		this.jdbc = jdbc;
		this.census = census;
		this.houses = houses;
		this.policy = policy;
		this.trail = trail;
	}

	/**
	 * The report from {@code from} to {@code to}, both included. Refused when a date is missing or
	 * the period is reversed or longer than a year ({@code from}, {@code to}).
	 */
	@Transactional
	public WorkReport of(MilieuUser user, LocalDate from, LocalDate to, boolean export) {
		if (from == null) {
			throw new RuleViolation("report.from.required", "from");
		}
		if (to == null || to.isBefore(from)) {
			throw new RuleViolation("report.to.before", "to");
		}
		if (to.isAfter(from.plusDays(MAX_DAYS))) {
			throw new RuleViolation("report.period.long", "to", MAX_DAYS);
		}
		Reach reach = policy.enforceListing(user, DataCategory.WORK_AND_STIPENDS, "WorkReport");
		if (export && policy.reach(user, AccessAction.EXPORT, DataCategory.WORK_AND_STIPENDS).nobody()) {
			String reason = "work data is exported by a clinician or the director, not by " + user.getUsername();
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(null, DataCategory.WORK_AND_STIPENDS).on("WorkReport", null).saying("EXPORT refused: " + reason));
			throw new AccessDeniedException(reason);
		}
		Map<UUID, String> houseNames = new HashMap<>();
		for (HouseSummary h : houses.list(user.programId())) {
			houseNames.put(h.house().id(), h.house().name());
		}
		Map<UUID, CensusEntry> residents = new HashMap<>();
		census.today(user.programId()).forEach(e -> residents.put(e.residentId(), e));
		Map<UUID, Acc> byHouse = new LinkedHashMap<>();
		Map<UUID, Acc> byJob = new LinkedHashMap<>();
		Map<UUID, Acc> byPerson = new LinkedHashMap<>();
		List<ResidentScope> shown = new ArrayList<>();
		jdbc.sql("""
				select a.resident_id, a.house_id, a.job_id, j.name as job, c.outcome, c.minutes, c.verified_at is not null as verified,
				       coalesce(c.earned_cents, 0) as earned
				  from work_completion c join work_assignment a on a.id = c.assignment_id join work_job j on j.id = a.job_id
				 where c.program_id = ? and c.occurs_on between ? and ?
				 order by j.name""").params(user.programId().value(), from, to).query((rs, n) -> {
					UUID resident = rs.getObject("resident_id", UUID.class);
					UUID house = residents.containsKey(resident) ? residents.get(resident).houseId()
							: rs.getObject("house_id", UUID.class);
					if (!reach.includes(resident, house)) {
						return null;
					}
					String outcome = rs.getString("outcome");
					int minutes = rs.getBoolean("verified") && !"NOT_DONE".equals(outcome) ? rs.getInt("minutes") : 0;
					long earned = rs.getLong("earned");
					String houseName = houseNames.getOrDefault(house, "");
					String job = rs.getString("job");
					byHouse.computeIfAbsent(house, k -> new Acc(k, houseName, "")).add(outcome, minutes, earned);
					byJob.computeIfAbsent(rs.getObject("job_id", UUID.class), k -> new Acc(k, job, ""))
						.add(outcome, minutes, earned);
					CensusEntry entry = residents.get(resident);
					byPerson.computeIfAbsent(resident, k -> {
						shown.add(new ResidentScope(resident, house));
						return new Acc(k, entry == null ? null : entry.displayName(), houseName);
					}).add(outcome, minutes, earned);
					return null;
				}).list();
		policy.recordListed(user, DataCategory.WORK_AND_STIPENDS, "WorkReport", reach, shown);
		if (export) {
			trail.record(AuditEntry.of(user.actor(), AuditAction.EXPORT, AuditOutcome.SUCCESS)
				.about(null, DataCategory.WORK_AND_STIPENDS).on("WorkReport", null).saying(from + " to " + to));
		}
		return new WorkReport(from, to, lines(byHouse), lines(byJob), lines(byPerson));
	}

	private static List<WorkReport.Line> lines(Map<UUID, Acc> accs) {
		return accs.values().stream().map(Acc::line).toList();
	}

	private static final class Acc {

		final UUID id;

		final String name;

		final String house;

		int marked;

		int done;

		int partly;

		int notDone;

		long minutes;

		long earned;

		Acc(UUID id, String name, String house) {
			this.id = id;
			this.name = name;
			this.house = house;
		}

		void add(String outcome, int minutes, long earned) {
			marked++;
			switch (outcome) {
				case "DONE" -> done++;
				case "PARTLY_DONE" -> partly++;
				default -> notDone++;
			}
			this.minutes += minutes;
			this.earned += earned;
		}

		WorkReport.Line line() {
			return new WorkReport.Line(id, name, house, marked, done, partly, notDone, minutes, earned);
		}
	}
}
