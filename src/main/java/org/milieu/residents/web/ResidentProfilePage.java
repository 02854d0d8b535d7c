package org.milieu.residents.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Census;
import org.milieu.residents.DischargeClosings;
import org.milieu.residents.DischargeClosures;
import org.milieu.residents.ProfileSection;
import org.milieu.residents.ResidentProfile;
import org.milieu.residents.ResidentRecords;
import org.milieu.shared.RecordNotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A resident's record as tabs: an overview, the stays with their discharges and aftercare plans,
 * and the tabs other modules contribute ({@link ProfileSection}). After a discharge the overview
 * says what each module closed ({@link DischargeClosures}), or that it is still closing. Each tab is a page of its own
 * (a link, no script); only the chosen tab's data is read, and each read is audited.
 */
@Controller
class ResidentProfilePage {

	static final String OVERVIEW = "overview";

	static final String STAYS = "stays";

	private final ResidentRecords records;

	private final List<ProfileSection> sections;

	private final Census census;

	private final DischargeClosings closings;

	ResidentProfilePage(ResidentRecords records, List<ProfileSection> sections, Census census, DischargeClosings closings) {
		this.records = records;
		this.sections = List.copyOf(sections);
		this.census = census;
		this.closings = closings;
	}

	@GetMapping("/residents/{id}")
	String profile(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = OVERVIEW) String tab, Model model) {
		ResidentProfile profile = records.profile(user, id);
		ResidentScope scope = ResidentRecords.scope(profile);
		List<Tab> tabs = new ArrayList<>(List.of(new Tab(OVERVIEW, "profile.tab.overview"), new Tab(STAYS, "profile.tab.stays")));
		ProfileSection chosen = null;
		for (ProfileSection section : sections) {
			if (section.visibleTo(user, scope)) {
				tabs.add(new Tab(section.key(), section.titleKey()));
				if (section.key().equals(tab)) {
					chosen = section;
				}
			}
		}
		if (tabs.stream().noneMatch(t -> t.key().equals(tab))) {
			throw new RecordNotFound("ProfileTab", tab);
		}
		if (chosen != null) {
			ProfileSection.Content content = chosen.read(user, scope);
			model.addAllAttributes(content.model());
			model.addAttribute("sectionTemplate", content.template());
		}
		if (OVERVIEW.equals(tab) && profile.discharged()) {
			// what the discharge closed, module by module, as each module recorded it
			var stay = profile.latestStay();
			model.addAttribute("closures", closings.of(user, scope,
					new DischargeClosures.Stay(stay.stayId(), stay.discharge().dischargedOn())));
		}
		model.addAttribute("profile", profile);
		model.addAttribute("tabs", tabs);
		model.addAttribute("tab", tab);
		model.addAttribute("mayExport", records.mayExportSummary(user, profile));
		model.addAttribute("today", census.day(user.programId()));
		return "residents/resident-profile";
	}

	@GetMapping("/residents/discharged")
	String discharged(@AuthenticationPrincipal MilieuUser user, Model model) {
		model.addAttribute("discharged", records.discharged(user));
		return "residents/discharged-list";
	}

	/** One tab of the profile: its key in the address and the message key of its title. */
	record Tab(String key, String titleKey) {
	}
}
