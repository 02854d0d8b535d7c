package org.milieu.screening;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.ProfileSection;
import org.milieu.shared.DataCategory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The drug-screen tab of the resident profile: the latest screens with their outcomes, a link to
 * the full page with the trend and, for those who may record one, to a new screen. Drug screens
 * are 42 CFR Part 2 records: the tab is offered only to whom the policy lets read them, and each
 * read is audited under {@link DataCategory#DRUG_SCREENS}. A discharged resident's screens stay
 * readable here; the full page and recording are for residents in the program.
 */
@Component
@Order(200)
class DrugScreenProfileSection implements ProfileSection {

	/** How many screens the tab lists; the full page has them all. */
	static final int LATEST = 10;

	private final DrugScreens screens;

	private final AccessPolicy policy;

	private final Census census;

	private final Programs programs;

	DrugScreenProfileSection(DrugScreens screens, AccessPolicy policy, Census census, Programs programs) {
		this.screens = screens;
		this.policy = policy;
		this.census = census;
		this.programs = programs;
	}

	@Override
	public String key() {
		return "screens";
	}

	@Override
	public String titleKey() {
		return "screening.profile.tab";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, DataCategory.DRUG_SCREENS, resident).allowed();
	}

	@Override
	@Transactional
	public Content read(MilieuUser user, ResidentScope resident) {
		policy.enforce(user, AuditAction.READ, DataCategory.DRUG_SCREENS, resident, "DrugScreens", resident.residentId());
		List<DrugScreen> all = screens.screens(user.programId(), resident.residentId());
		boolean inProgram = census.find(user.programId(), resident.residentId()).isPresent();
		boolean mayRecord = inProgram
				&& policy.decide(user, AccessAction.WRITE, DataCategory.DRUG_SCREENS, resident).allowed();
		ZoneId zone = programs.find(user.programId()).map(Program::timeZone).orElse(ZoneOffset.UTC);
		return new Content("screening/screen-profile",
				Map.of("screenTab", new Tab(resident.residentId(), all.subList(0, Math.min(LATEST, all.size())), all.size(),
						inProgram, mayRecord), "zone", zone));
	}

	/** What the tab shows: the latest screens, how many there are in all, and which links apply. */
	public record Tab(java.util.UUID residentId, List<DrugScreen> latest, int total, boolean inProgram, boolean mayRecord) {

		public Tab {
			latest = List.copyOf(latest);
		}
	}
}
