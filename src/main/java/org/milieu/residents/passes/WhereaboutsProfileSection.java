package org.milieu.residents.passes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.ProfileSection;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The whereabouts tab of the resident profile: the resident's passes, latest first, and whether
 * they are in the house, with a "Sign out" link for staff who may sign them out. Passes live in
 * {@code residents}, but the tab comes through {@link ProfileSection} like every other, so the
 * profile has one mechanism for its tabs; it reads under {@link DataCategory#WHEREABOUTS}, and a
 * resident sees their own.
 */
@Component
@Order(300)
class WhereaboutsProfileSection implements ProfileSection {

	private final Passes passes;

	private final AccessPolicy policy;

	private final Census census;

	private final Clock clock;

	WhereaboutsProfileSection(Passes passes, AccessPolicy policy, Census census, Clock clock) {
		this.passes = passes;
		this.policy = policy;
		this.census = census;
		this.clock = clock;
	}

	@Override
	public String key() {
		return "whereabouts";
	}

	@Override
	public String titleKey() {
		return "pass.profile.tab";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.WHEREABOUTS, resident).allowed();
	}

	@Override
	@Transactional
	public Content read(MilieuUser user, ResidentScope resident) {
		List<Pass> history = passes.history(user, resident);
		Instant now = clock.instant();
		ZoneId zone = passes.zone(user.programId());
		boolean inProgram = census.find(user.programId(), resident.residentId()).isPresent();
		boolean inHouse = inProgram && history.stream().noneMatch(Pass::isOut);
		boolean maySignOut = inHouse
				&& policy.decide(user, AccessAction.WRITE, DataCategory.WHEREABOUTS, resident).allowed();
		List<Line> lines = history.stream()
			.map(p -> new Line(p, p.status(now), passes.clockTime(p.leftAt(), zone), passes.clockTime(p.expectedBackAt(), zone),
					p.returnedAt() == null ? null : passes.clockTime(p.returnedAt(), zone)))
			.toList();
		return new Content("residents/pass-profile",
				Map.of("whereabouts", new Tab(resident.residentId(), lines, inProgram, inHouse, maySignOut)));
	}

	/** What the tab shows: the passes, latest first, and whether the resident is in the house now. */
	public record Tab(UUID residentId, List<Line> passes, boolean inProgram, boolean inHouse, boolean maySignOut) {

		public Tab {
			passes = List.copyOf(passes);
		}
	}

	/** One pass with its times in the program's time zone ("18:00" today, the date on other days). */
	public record Line(Pass pass, PassStatus status, String left, String expected, String returned) {
	}
}
