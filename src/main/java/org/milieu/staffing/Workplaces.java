package org.milieu.staffing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Houses;
import org.milieu.shared.RuleViolation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The houses a person works in, for staffing's rules: the director works in every house of the
 * program, staff and clinicians in the houses assigned to them, residents and family in none.
 */
@Component
public class Workplaces {

	private final Houses houses;

	private final CareRelationships care;

	Workplaces(Houses houses, CareRelationships care) {
		this.houses = houses;
		this.care = care;
	}

	@Transactional(readOnly = true)
	public Set<UUID> of(MilieuUser user) {
		if (user.has(Role.ADMIN)) {
			return houses.list(user.programId()).stream().map(s -> s.house().id()).collect(Collectors.toSet());
		}
		if (!user.has(Role.STAFF) && !user.has(Role.CLINICIAN)) {
			return Set.of();
		}
		return care.houses(user.accountId());
	}

	/** A period of dates for a report: the end not before the start, and at most {@code longest} days. */
	static void requirePeriod(LocalDate from, LocalDate to, int longest) {
		if (to.isBefore(from)) {
			throw new RuleViolation("staffing.period.order", "to");
		}
		if (ChronoUnit.DAYS.between(from, to) >= longest) {
			throw new RuleViolation("staffing.period.tooLong", "to", longest);
		}
	}
}
