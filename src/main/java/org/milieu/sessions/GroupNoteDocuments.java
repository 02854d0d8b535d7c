package org.milieu.sessions;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.Accounts;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.shared.ProgramId;
import org.milieu.signatures.DocumentSigned;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SignableKind;
import org.milieu.signatures.SignatureMeaning;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A group note as the signature component signs it: one version (a note is signed once, as it
 * stands), whose content is a fixed-order text of the occurrence, the shared part and every entry.
 * The note is about several residents, so the document names none; this kind asks the access policy
 * itself, offering its one meaning "I wrote this group note" only to a writer of the note allowed to
 * write every attendee's clinical notes. Signing is refused (422, naming whom) while an attendee has
 * no complete entry. The signature marks the note signed (and late, more than 24 hours after the
 * occurrence ended) in the transaction that stores it; from then on the note never changes.
 */
@Component
class GroupNoteDocuments implements SignableKind {

	static final String KIND = "group-note";

	static final int VERSION = 1;

	static final SignatureMeaning WROTE = new SignatureMeaning("wrote", "group-note.signature.wrote", Role.CLINICIAN);

	private final GroupNoteRows rows;

	private final GroupNotes notes;

	private final Occurrences occurrences;

	private final AccessPolicy policy;

	private final Census census;

	private final Accounts accounts;

	GroupNoteDocuments(GroupNoteRows rows, GroupNotes notes, Occurrences occurrences, AccessPolicy policy, Census census,
			Accounts accounts) {
		this.accounts = accounts;
		this.rows = rows;
		this.notes = notes;
		this.occurrences = occurrences;
		this.policy = policy;
		this.census = census;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<SignableDocument> document(UUID documentId, int version) {
		if (version != VERSION) {
			return Optional.empty();
		}
		return found(documentId).map(f -> SignableDocument.ofText(KIND, documentId, VERSION, f.program().value(), null,
				GroupNotes.CATEGORY, "Group note, " + (f.note().title() == null ? "session" : f.note().title()) + ", "
						+ f.note().occursOn(),
				content(f.note()), "/sessions/" + f.note().sessionId() + "/occurrences/" + f.note().occursOn() + "/note"));
	}

	@Override
	public List<SignatureMeaning> meanings() {
		return List.of(WROTE);
	}

	@Override
	public List<SignatureMeaning> meaningsFor(MilieuUser signer, SignableDocument document) {
		Found f = found(document.documentId()).orElse(null);
		if (f == null || f.note().signed() || !notes.mayWrite(signer, f.occurrence())) {
			return List.of();
		}
		var houses = census.housesToday(f.program());
		boolean everyone = f.note().attendees().stream().allMatch(a -> policy.decide(signer, AccessAction.WRITE,
				GroupNotes.CATEGORY, new ResidentScope(a.residentId(), houses.get(a.residentId()))).allowed());
		return everyone ? List.of(WROTE) : List.of();
	}

	@Override
	public void refuseUnready(SignableDocument document, SignatureMeaning meaning) {
		found(document.documentId()).ifPresent(f -> GroupNotes.refuseUnsignable(f.note()));
	}

	@EventListener
	void on(DocumentSigned signed) {
		if (!KIND.equals(signed.kind())) {
			return;
		}
		Found f = found(signed.documentId()).orElseThrow();
		GroupNotes.refuseUnsignable(f.note());
		Instant end = notes.endOf(f.program(), f.occurrence());
		String name = accounts.find(signed.signerAccountId()).map(org.milieu.identity.Account::displayName).orElse("");
		rows.signed(signed.documentId(), signed.signedAt(), signed.signerAccountId(), name, end,
				GroupNotes.late(end, signed.signedAt()));
	}

	private record Found(ProgramId program, Occurrence occurrence, GroupNote note) {
	}

	private Optional<Found> found(UUID noteId) {
		return rows.noteAnyProgram(noteId).flatMap(row -> {
			ProgramId program = new ProgramId(row.programId());
			return occurrences.occurrence(program, row.sessionId(), row.occursOn())
				.map(o -> new Found(program, o, notes.assemble(program, o)));
		});
	}

	/** The exact text signed: the occurrence, the shared part and every entry, in a fixed order, one field per line. */
	static String content(GroupNote n) {
		StringBuilder text = new StringBuilder();
		text.append("group-note\nnote: ").append(n.id()).append("\nsession: ").append(n.sessionId()).append("\noccurs-on: ")
			.append(n.occursOn()).append("\ntitle: ").append(line(n.title())).append("\ntopic: ").append(line(n.topic()))
			.append("\ninterventions: ").append(line(n.interventions())).append("\nmaterials: ")
			.append(line(n.materials())).append('\n');
		List<GroupNote.Entry> entries = new java.util.ArrayList<>();
		n.attendees().stream().filter(a -> a.entry() != null).forEach(a -> entries.add(a.entry()));
		entries.addAll(n.strayEntries());
		entries.sort(java.util.Comparator.comparing(e -> e.residentId().toString()));
		for (GroupNote.Entry e : entries) {
			text.append("\n[ENTRY] ").append(e.residentId()).append("\nparticipation: ")
				.append(e.participation() == null ? "-" : e.participation().name()).append('\n');
			e.progress().stream().sorted(java.util.Comparator.comparing(p -> p.objectiveId().toString()))
				.forEach(p -> text.append("objective: ").append(p.objectiveId()).append(' ').append(p.progress().name())
					.append(' ').append(line(p.objectiveText())).append('\n'));
			text.append("observation: ").append(line(e.observation())).append('\n');
		}
		return text.toString();
	}

	private static String line(String value) {
		return value == null ? "-" : value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
	}
}
