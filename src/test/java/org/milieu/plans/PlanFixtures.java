package org.milieu.plans;

import java.util.Locale;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.Admissions;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;

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

	private final Houses houses;

	private final Admissions admissions;

	private final CareRelationships care;

	private final Accounts accounts;

	PlanFixtures(DemoSignIns signIns, Census census, JdbcClient jdbc, PlanDocuments documents, Signatures signatures,
			Houses houses, Admissions admissions, CareRelationships care, Accounts accounts) {
		this.houses = houses;
		this.admissions = admissions;
		this.care = care;
		this.accounts = accounts;
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
			// admitted before the first of December 2026, the day the tests' plans start (a readmission
			// by another test moves the admission to its own day)
			boolean inHouse = census.find(resident.programId(), resident.residentId())
				.filter(e -> houses.contains(e.houseId()) && !e.admittedOn().isAfter(LocalDate.of(2026, 12, 1))).isPresent();
			boolean planned = jdbc.sql("select exists (select 1 from plans_plan where resident_id = ?)")
				.param(resident.residentId()).query(Boolean.class).single();
			if (inHouse && !planned) {
				return username;
			}
		}
		return aNewResidentOfTheClinician();
	}

	/**
	 * When every demo resident of the clinician's houses has a plan (the tests of several modules take
	 * one each): a new resident in a one-bed house of their own, on the demo clinician's caseload, with
	 * a sign-in of their own and the demo password.
	 */
	public String aNewResidentOfTheClinician() {
		MilieuUser clinician = signIns.user("clinician");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		UUID house = houses.found(clinician.programId(), new HouseDetails("Plans " + suffix, HouseKind.MIXED, null), 1).id();
		UUID residentId = UUID.randomUUID();
		admissions.admit(clinician.programId(), residentId, new NewAdmission("Plan", "Writer " + suffix, null,
				LocalDate.of(1991, 3, 3), houses.beds(clinician.programId(), house).get(0).id(),
				admittedOn(census.day(clinician.programId()))));
		care.addToCaseload(clinician.accountId(), residentId);
		String username = "planner-" + suffix;
		accounts.open(new NewAccount(clinician.programId(), username, "Plan Writer", DEMO_PASSWORD, Set.of(Role.RESIDENT),
				residentId));
		return username;
	}

	/** Sixty days ago, and never after the first of November 2026, the day before the tests' plans start. */
	private static LocalDate admittedOn(LocalDate today) {
		LocalDate beforeTheTestsPlans = LocalDate.of(2026, 11, 1);
		LocalDate sixtyDaysAgo = today.minusDays(60);
		return sixtyDaysAgo.isBefore(beforeTheTestsPlans) ? sixtyDaysAgo : beforeTheTestsPlans;
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
