package org.milieu.signatures;

import java.util.Set;
import java.util.UUID;

import org.milieu.identity.AccountAdministration;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Test fixture: a plan of resident01's to sign, and clinicians of their house of the test's own,
 * for tests that give wrong credentials (so the demo accounts never come near their lockout).
 */
@Component
public class SigningFixtures {

	public static final String PASSWORD = "harbour kettle violet 7";

	private final TestDocuments documents;

	private final DemoSignIns signIns;

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final JdbcClient jdbc;

	SigningFixtures(TestDocuments documents, DemoSignIns signIns, Accounts accounts, AccountAdministration administration,
			JdbcClient jdbc) {
		this.documents = documents;
		this.signIns = signIns;
		this.accounts = accounts;
		this.administration = administration;
		this.jdbc = jdbc;
	}

	/** A new version 1 of a test document about resident01, in their house. */
	public SignableDocument aPlanOfResident01() {
		MilieuUser resident = signIns.user("resident01");
		return documents.write(resident.programId().value(), resident.residentId(), houseOf(resident.residentId()),
				UUID.randomUUID(), 1, "Plan for the spring", "Goal: keep the morning routine.");
	}

	/** A new clinician working in resident01's house, with {@link #PASSWORD}; returns the user name. */
	public String aClinicianOfResident01sHouse() {
		String username = "signer-" + UUID.randomUUID().toString().substring(0, 8);
		MilieuUser director = signIns.user("director");
		var account = accounts.open(new NewAccount(director.programId(), username, "Dana Whitfield", PASSWORD,
				Set.of(Role.CLINICIAN), null));
		administration.revise(director, account.id(), account.version(), "Dana Whitfield", Set.of(Role.CLINICIAN),
				Set.of(houseOf(signIns.user("resident01").residentId())));
		return username;
	}

	public UUID houseOf(UUID residentId) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(residentId).query(UUID.class).single();
	}
}
