package org.milieu.government.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.government.HouseRule;
import org.milieu.government.HouseRules;
import org.milieu.government.MeetingAttendance;
import org.milieu.government.Motion;
import org.milieu.government.MotionKind;
import org.milieu.government.Motions;
import org.milieu.government.Office;
import org.milieu.government.Officers;
import org.milieu.government.OverruleGround;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.levels.privileges.DefaultPrivilege;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the motions block of a meeting's pages needs: the meeting's motions, who is present, the
 * names of the community, and what the signed-in person may do (second, vote, close, overrule,
 * enter paper ballots, call an election). The fragment {@code government/motions} shows it.
 */
@Component
class MotionBlock {

	private final Motions motions;

	private final org.milieu.government.Ballots ballots;

	private final MeetingAttendance attendance;

	private final Officers officers;

	private final HouseRules rules;

	private final Census census;

	private final LevelPrivileges privileges;

	private final java.time.Clock clock;

	MotionBlock(Motions motions, org.milieu.government.Ballots ballots, MeetingAttendance attendance, Officers officers, HouseRules rules, Census census,
			LevelPrivileges privileges, java.time.Clock clock) {
		this.motions = motions;
		this.ballots = ballots;
		this.attendance = attendance;
		this.officers = officers;
		this.rules = rules;
		this.census = census;
		this.privileges = privileges;
		this.clock = clock;
	}

	void addTo(Model model, MilieuUser user, UUID meetingId, UUID house) {
		List<Motion> found = motions.ofMeeting(user, meetingId);
		Set<UUID> present = attendance.present(meetingId);
		Map<UUID, String> names = new LinkedHashMap<>();
		Map<UUID, String> members = new LinkedHashMap<>();
		for (CensusEntry e : census.today(user.programId())) {
			names.put(e.residentId(), e.displayName());
			if (house == null || house.equals(e.houseId())) {
				members.put(e.residentId(), e.displayName());
			}
		}
		boolean mayChair = officers.mayChair(user, house);
		model.addAttribute("motions", found);
		model.addAttribute("voted", ballots.votedOn(user, found.stream().map(Motion::id).toList()));
		model.addAttribute("present", present);
		model.addAttribute("names", names);
		model.addAttribute("me", user.has(Role.RESIDENT) ? user.residentId() : null);
		model.addAttribute("mayChair", mayChair);
		model.addAttribute("mayKeepRecord", officers.mayKeepRecord(user, house));
		model.addAttribute("staff", user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF));
		model.addAttribute("mayOverrule", user.has(Role.CLINICIAN) || user.has(Role.ADMIN));
		model.addAttribute("motionKinds", List.of(MotionKind.ORDINARY, MotionKind.RULE_CHANGE));
		model.addAttribute("offices", List.of(Office.values()));
		model.addAttribute("grounds", List.of(OverruleGround.values()));
		model.addAttribute("houseRules", rules.inForce(user).stream()
			.filter(r -> r.houseId() == null ? house == null : r.houseId().equals(house)).toList());
		Map<UUID, String> presentMembers = new LinkedHashMap<>();
		members.forEach((id, name) -> {
			if (present.contains(id)) {
				presentMembers.put(id, name);
			}
		});
		model.addAttribute("presentMembers", presentMembers);
		Map<UUID, String> eligible = new LinkedHashMap<>();
		if (mayChair) {
			members.forEach((id, name) -> {
				if (privileges.may(user.programId(), id, DefaultPrivilege.GOVERNMENT_OFFICE.name(), clock.instant()).allowed()) {
					eligible.put(id, name);
				}
			});
		}
		model.addAttribute("eligible", eligible);
	}

}
