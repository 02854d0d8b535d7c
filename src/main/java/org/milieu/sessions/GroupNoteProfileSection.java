package org.milieu.sessions;

import java.time.LocalDate;
import java.util.Map;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.ProfileSection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The group-notes tab of the resident profile: the resident's entries in signed group notes, newest first. */
@Component
@Order(250)
class GroupNoteProfileSection implements ProfileSection {

	private static final LocalDate EVER = LocalDate.of(1900, 1, 1);

	private static final LocalDate NEVER = LocalDate.of(9999, 12, 31);

	private final GroupNotes notes;

	private final AccessPolicy policy;

	GroupNoteProfileSection(GroupNotes notes, AccessPolicy policy) {
		this.notes = notes;
		this.policy = policy;
	}

	@Override
	public String key() {
		return "groupnotes";
	}

	@Override
	public String titleKey() {
		return "group-note.profile.tab";
	}

	@Override
	public boolean visibleTo(MilieuUser user, ResidentScope resident) {
		return policy.decide(user, AccessAction.READ, GroupNotes.CATEGORY, resident).allowed();
	}

	@Override
	public Content read(MilieuUser user, ResidentScope resident) {
		return new Content("sessions/note-section",
				Map.of("groupNoteEntries", notes.signedEntriesOf(user, resident.residentId(), EVER, NEVER)));
	}
}
