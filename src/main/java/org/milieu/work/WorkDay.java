package org.milieu.work;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Programs;
import org.milieu.platform.ResidentDay;
import org.milieu.platform.TodayCard;
import org.milieu.platform.TodayCard.Line;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A resident's work on their home page: today's jobs on the published roster with their times, the
 * swap requests still waiting for staff, and the stipend balance. Read through {@link Rosters} and
 * {@link StipendLedger}, which apply the access policy to the resident's own record and audit it.
 */
@Component
class WorkDay implements ResidentDay {

	private final Rosters rosters;

	private final StipendLedger ledger;

	private final SwapRequests swaps;

	private final Programs programs;

	private final java.time.Clock clock;

	WorkDay(Rosters rosters, StipendLedger ledger, SwapRequests swaps, Programs programs, java.time.Clock clock) {
		this.rosters = rosters;
		this.ledger = ledger;
		this.swaps = swaps;
		this.programs = programs;
		this.clock = clock;
	}

	@Override
	public List<TodayCard> cardsFor(Authentication who) {
		return MilieuUser.signedInResident(who).map(this::cards).orElse(List.of());
	}

	private List<TodayCard> cards(MilieuUser user) {
		ZoneId zone = programs.timeZone(user.programId());
		LocalDate today = LocalDate.now(clock.withZone(zone));
		List<Assignment> published = rosters.publishedFor(user, user.residentId());
		List<Line> jobs = new ArrayList<>();
		published.stream().filter(a -> a.scheduledOn(today)).sorted(Comparator.comparing(Assignment::startsAt,
				Comparator.nullsLast(Comparator.naturalOrder())))
			.forEach(a -> jobs.add(a.startsAt() == null
					? Line.of("today.work.jobAnyTime", a.jobName(), a.expectedMinutes())
					: Line.of("today.work.job", a.startsAt().toString(), a.jobName(), a.expectedMinutes())));
		swaps.of(user.programId(), user.residentId()).stream().filter(s -> "REQUESTED".equals(s.status()))
			.forEach(s -> jobs.add(Line.of("today.work.swapWaiting").linkedTo("/me/work")));
		StipendStatement statement = ledger.statement(user, user.residentId(), null, 1);
		List<Line> money = List.of(Line.of("today.stipend.balance", BigDecimal.valueOf(statement.balanceCents(), 2),
				statement.currency()));
		return List.of(
				new TodayCard(10, "today-work", "today.work.heading", jobs, "today.work.none", List.of(), "/me/work",
						"today.work.link"),
				new TodayCard(40, "today-stipend", "today.stipend.heading", money, "today.stipend.none", List.of(),
						"/me/stipend", "today.stipend.link"));
	}
}
