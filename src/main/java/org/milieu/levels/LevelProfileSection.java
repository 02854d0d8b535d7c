package org.milieu.levels;

import java.util.Map;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.ProfileSection;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The level tab of the resident profile: the level today and the whole history, with who decided
 * each step and why, and a link to the resident's privileges.
 */
@Component
@Order(100)
class LevelProfileSection implements ProfileSection {

	private final ResidentLevels levels;

	private final AccessPolicy policy;

	LevelProfileSection(ResidentLevels levels, AccessPolicy policy) {
		this.levels = levels;
		this.policy = policy;
	}

	@Override
	public String key() {
		return "level";
	}

	@Override
	public String titleKey() {
		return "level.profile.tab";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.LEVELS_AND_RATINGS, resident).allowed();
	}

	@Override
	@Transactional
	public Content read(MilieuUser user, ResidentScope resident) {
		policy.enforce(user, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS, resident, "LevelHistory",
				resident.residentId());
		return new Content("levels/level-history", Map.of("levelHistory", levels.history(user.programId(),
				resident.residentId()), "levelResidentId", resident.residentId()));
	}
}
