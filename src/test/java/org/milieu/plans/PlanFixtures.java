package org.milieu.plans;

import java.util.Locale;
import java.util.UUID;

import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Census;
import org.milieu.signatures.Credential;
import org.milieu.signatures.SignDocument;
import org.milieu.signatures.SignableDocument;
import org.milieu.signatures.Signature;
import org.milieu.signatures.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test fixture: a resident of the demo clinician's house who has no plan yet (each test takes its
 * own, as a resident has one plan), and signing a plan version through the signature component.
 */
@Component
public class PlanFixtures {

	public static final String DEMO_PASSWORD = "milieu-demo";

	private final DemoSignIns signIns;

	private final Census census;

	private final JdbcClient jdbc;

	private final PlanDocuments documents;

	private final Signatures signatures;

	PlanFixtures(DemoSignIns signIns, Census census, JdbcClient jdbc, PlanDocuments documents, Signatures signatures) {
		this.signIns = signIns;
		this.census = census;
		this.jdbc = jdbc;
		this.documents = documents;
		this.signatures = signatures;
	}

	/** The user name of a resident living in the demo clinician's house, with no plan yet. */
	public synchronized String aResidentWithoutPlan() {
		MilieuUser clinician = signIns.user("clinician");
		var houses = jdbc.sql("select house_id from identity_account_house where account_id = ?")
			.param(clinician.accountId()).query(UUID.class).set();
		for (int n = 3; n <= 32; n++) {
			String username = String.format("resident%02d", n);
			if (n == 24) {
				continue; // resident01, 02 and 24 are the authorization matrix's and never get a plan
			}
			MilieuUser resident = signIns.user(username);
			boolean inHouse = census.find(resident.programId(), resident.residentId())
				.filter(e -> houses.contains(e.houseId())).isPresent();
			boolean planned = jdbc.sql("select exists (select 1 from plans_plan where resident_id = ?)")
				.param(resident.residentId()).query(Boolean.class).single();
			if (inHouse && !planned) {
				return username;
			}
		}
		throw new IllegalStateException("no resident of the clinician's house is left without a plan");
	}

	/** Signs (or, with a reason, declines) a version in a meaning, as that signer with the demo password. */
	public Signature sign(MilieuUser signer, UUID planId, int version, String meaning, String declineReason) {
		SignableDocument document = documents.document(planId, version).orElseThrow();
		return signatures.sign(signer, new SignDocument(PlanDocuments.KIND, planId, version, meaning,
				document.contentHash(), new Credential(null, DEMO_PASSWORD, null), declineReason), Locale.ENGLISH);
	}

	/** The SHA-256 of a version's content as it stands, as the signing page would give it. */
	public String contentHash(UUID planId, int version) {
		return documents.document(planId, version).orElseThrow().contentHash();
	}
}
