package org.milieu.plans;

import java.util.ArrayList;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The home page's word on treatment plans, for the director and clinicians: how many first plans
 * and reviews are overdue (urgent) and due among the residents they care for, one item each, linking
 * to the list of what is due. The items name nobody, so they read no resident's record; the list
 * they link to is audited.
 */
@Component
class PlansAttention implements AttentionSource {

	static final String LINK = "/plans";

	private final PlanSchedules schedules;

	PlansAttention(PlanSchedules schedules) {
		this.schedules = schedules;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.CLINICIAN))) {
			return List.of();
		}
		PlanSchedules.Counts counts = schedules.counts(user);
		List<Attention> items = new ArrayList<>();
		add(items, Attention.Severity.URGENT, "plans.attention.plansOverdue", counts.plansOverdue());
		add(items, Attention.Severity.URGENT, "plans.attention.reviewsOverdue", counts.reviewsOverdue());
		add(items, Attention.Severity.NOTICE, "plans.attention.plansDue", counts.plansDue());
		add(items, Attention.Severity.NOTICE, "plans.attention.reviewsDue", counts.reviewsDue());
		return items;
	}

	private static void add(List<Attention> items, Attention.Severity severity, String code, int count) {
		if (count > 0) {
			items.add(new Attention(severity, code, List.of(count), LINK, null));
		}
	}
}
