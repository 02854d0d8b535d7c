package org.milieu.plans;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.SignableKind;
import org.milieu.signatures.SignatureMeaning;
import org.springframework.stereotype.Component;

/**
 * A version of a treatment plan as the signature component signs it. Its content is a fixed-order
 * text of every part with its author, so the same version always hashes the same; status and
 * revision are left out (they change when it is signed). The clinician signs "I wrote this plan with
 * the resident" (and another clinician may add "Reviewed by"); the resident "I agree to this plan".
 */
@Component
class PlanDocuments implements SignableKind {

	static final String KIND = "treatment-plan";

	static final SignatureMeaning WROTE = new SignatureMeaning("wrote-with-resident", "plan.signature.wrote", Role.CLINICIAN);

	static final SignatureMeaning REVIEWED = new SignatureMeaning("reviewed", "plan.signature.reviewed", Role.CLINICIAN);

	static final SignatureMeaning AGREED = new SignatureMeaning("agreed", "plan.signature.agreed", Role.RESIDENT);

	private final PlanRows rows;

	private final Census census;

	PlanDocuments(PlanRows rows, Census census) {
		this.rows = rows;
		this.census = census;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<SignableDocument> document(UUID documentId, int version) {
		return rows.planById(documentId).flatMap(plan -> rows.versionAnyProgram(documentId, version).map(v -> {
			UUID house = census.find(new ProgramId(plan[0]), plan[1]).map(CensusEntry::houseId).orElse(null);
			return SignableDocument.ofText(KIND, documentId, version, plan[0], new ResidentScope(plan[1], house),
					DataCategory.CLINICAL_NOTES, "Treatment plan, version " + version, content(v),
					"/residents/" + plan[1] + "/plan?version=" + version);
		}));
	}

	@Override
	public List<SignatureMeaning> meanings() {
		return List.of(WROTE, REVIEWED, AGREED);
	}

	/**
	 * The resident agrees to a draft or an in-force version of their own plan; a clinician writes a
	 * draft with the resident and reviews a draft or a version in force. Superseded and ended versions
	 * are signed by nobody.
	 */
	@Override
	public List<SignatureMeaning> meaningsFor(MilieuUser signer, SignableDocument document) {
		PlanVersion version = rows.versionAnyProgram(document.documentId(), document.version()).orElse(null);
		if (version == null || version.status() == PlanStatus.SUPERSEDED || version.status() == PlanStatus.ENDED) {
			return List.of();
		}
		if (signer.has(Role.RESIDENT)) {
			return document.resident().residentId().equals(signer.residentId()) ? List.of(AGREED) : List.of();
		}
		if (signer.has(Role.CLINICIAN)) {
			return version.status() == PlanStatus.DRAFT ? List.of(WROTE, REVIEWED) : List.of(REVIEWED);
		}
		return List.of();
	}

	/**
	 * A clinician does not sign a draft while any part is still word for word a template's text: it
	 * must be made this resident's own first (422 naming the parts). The resident may sign or decline.
	 */
	@Override
	public void refuseUnready(SignableDocument document, SignatureMeaning meaning) {
		if (meaning.role() != Role.CLINICIAN) {
			return;
		}
		List<PlanItem> unchanged = rows.versionAnyProgram(document.documentId(), document.version())
			.filter(v -> v.status() == PlanStatus.DRAFT).map(PlanVersion::items).orElse(List.of()).stream()
			.filter(PlanItem::fromTemplateUnchanged).toList();
		if (!unchanged.isEmpty()) {
			throw new org.milieu.shared.RuleViolation("plan.sign.template-unchanged", "items",
					unchanged.stream().map(i -> "\u201c" + shortened(i.text()) + "\u201d (" + i.fromTemplate().name() + ")")
						.collect(java.util.stream.Collectors.joining("; ")));
		}
	}

	private static String shortened(String text) {
		return text.length() <= 60 ? text : text.substring(0, 57) + "...";
	}

	/** The exact text signed: every field of the version and of each part, in a fixed order, one per line. */
	static String content(PlanVersion v) {
		StringBuilder text = new StringBuilder();
		text.append("treatment-plan\nplan: ").append(v.planId()).append("\nresident: ").append(v.residentId())
			.append("\nversion: ").append(v.number()).append("\nstarts-on: ").append(v.startsOn()).append('\n');
		for (PlanItem item : v.items()) {
			text.append("\n[").append(item.kind()).append("] ").append(item.id())
				.append("\nwritten-by: ").append(item.authorAccountId()).append(' ').append(line(item.authorName()))
				.append(" (").append(item.authorRole()).append(item.residentsWords() ? ", resident's own words" : "")
				.append(")\ntext: ").append(line(item.text()));
			field(text, "area", item.area());
			field(text, "clinical", item.clinicalText());
			field(text, "measure", item.measure());
			field(text, "target-date", item.targetDate());
			field(text, "who", item.responsible());
			field(text, "how-often", item.frequency());
			field(text, "level-criterion", item.criterion() == null ? null : item.criterion().value());
			text.append('\n');
		}
		return text.toString();
	}

	private static void field(StringBuilder text, String name, Object value) {
		if (value != null) {
			text.append('\n').append(name).append(": ").append(line(value.toString()));
		}
	}

	/** Line breaks inside a field are escaped, so no field can pass for another. */
	private static String line(String value) {
		return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
	}
}
