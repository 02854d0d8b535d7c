package org.milieu.plans;

import java.util.HashMap;
import java.util.Map;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.ProfileSection;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The plan tab of the resident profile: which version is current, and the link to the plan page. */
@Component
@Order(200)
class PlanProfileSection implements ProfileSection {

	private final TreatmentPlans plans;

	private final AccessPolicy policy;

	private final PlanReviews reviews;

	PlanProfileSection(TreatmentPlans plans, AccessPolicy policy, PlanReviews reviews) {
		this.plans = plans;
		this.policy = policy;
		this.reviews = reviews;
	}

	@Override
	public String key() {
		return "plan";
	}

	@Override
	public String titleKey() {
		return "plan.profile.tab";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.CLINICAL_NOTES, resident).allowed();
	}

	@Override
	public Content read(MilieuUser user, ResidentScope resident) {
		Map<String, Object> model = new HashMap<>();
		model.put("planResidentId", resident.residentId());
		plans.find(user, resident.residentId()).ifPresent(plan -> {
			model.put("planSummary", plan);
			reviews.latest(user, resident.residentId()).ifPresent(r -> model.put("planLatestReview", r.heldOn()));
		});
		return new Content("plans/plan-section", model);
	}
}
