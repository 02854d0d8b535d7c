package org.milieu.staffing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * For the home page: houses under their staffing minimum (urgent) and hand-off notes waiting for
 * acknowledgement, for the houses this person works in (the director: all houses).
 */
@Component
class StaffingAttention implements AttentionSource {

	private final StaffingCensus census;

	private final RatioAlerts alerts;

	private final HandOffNotes notes;

	private final Workplaces workplaces;

	StaffingAttention(StaffingCensus census, RatioAlerts alerts, HandOffNotes notes, Workplaces workplaces) {
		this.census = census;
		this.alerts = alerts;
		this.notes = notes;
		this.workplaces = workplaces;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.STAFF) || user.has(Role.CLINICIAN))) {
			return List.of();
		}
		Set<UUID> reach = workplaces.of(user);
		Map<UUID, HouseStaffing> houses = census.now(user.programId()).stream()
			.collect(Collectors.toMap(HouseStaffing::houseId, Function.identity()));
		List<Attention> items = new ArrayList<>();
		for (RatioAlert alert : alerts.open(user.programId())) {
			HouseStaffing house = houses.get(alert.houseId());
			if (house != null && reach.contains(alert.houseId())) {
				items.add(new Attention(Attention.Severity.URGENT, "staffing.attention.belowMinimum",
						List.of(house.name(), house.occupied(), house.staffOnShift(), house.minimumResidentsPerStaff()),
						"/staffing", alert.startedAt()));
			}
		}
		notes.unacknowledged(user).forEach((houseId, count) -> {
			HouseStaffing house = houses.get(houseId);
			if (house != null) {
				items.add(new Attention(Attention.Severity.NOTICE, "staffing.attention.handoff", List.of(count, house.name()),
						"/staffing#handoff", null));
			}
		});
		return items;
	}
}
