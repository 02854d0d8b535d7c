package org.milieu.signatures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.AccountAdministration;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.identity.SecondFactor;
import org.milieu.identity.SecondFactorCodes;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The signature component over a test kind of document: what a signature stores, what is refused
 * and why, the hand-over of the tablet, and the check of a stored signature against its content.
 */
@MilieuWebTest
@RecordApplicationEvents
class SignaturesTests {

	static final String DEMO_PASSWORD = "milieu-demo";

	static final String PASSWORD = "harbour kettle violet 7";

	@Autowired
	Signatures signatures;

	@Autowired
	TestDocuments documents;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Accounts accounts;

	@Autowired
	AccountAdministration administration;

	@Autowired
	SecondFactor secondFactor;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	MilieuUser clinician;

	MilieuUser resident;

	SignableDocument plan;

	@BeforeEach
	void aPlanOfResident01() {
		clinician = signIns.user("clinician");
		resident = signIns.user("resident01");
		plan = documents.write(clinician.programId().value(), resident.residentId(), houseOf(resident.residentId()),
				UUID.randomUUID(), 1, "Plan for the spring", "Goal: keep the morning routine.");
	}

	@Test
	void aClinicianSignsAndTheRecordHoldsWhoWhatWhenHowAndTheHashOfTheContent() {
		java.time.Instant before = clock.instant();
		Signature signed = signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.ENGLISH);

		assertThat(signed.signerAccountId()).isEqualTo(clinician.accountId());
		assertThat(signed.signerRole()).isEqualTo("CLINICIAN");
		assertThat(signed.signerName()).isEqualTo(clinician.displayName());
		assertThat(signed.meaningCode()).isEqualTo("reviewed");
		assertThat(signed.meaningText()).isEqualTo("Reviewed by");
		assertThat(signed.meaningLanguage()).isEqualTo("en");
		assertThat(signed.signedAt()).isBetween(before, clock.instant());
		assertThat(signed.contentHash()).isEqualTo(SignableDocument.sha256(plan.content())).hasSize(64);
		assertThat(signed.method()).isEqualTo(SigningMethod.PASSWORD);
		assertThat(signed.sessionAccountId()).isNull();
		assertThat(signed.declined()).isFalse();
		assertThat(events.stream(DocumentSigned.class).filter(e -> e.signatureId().equals(signed.id()))).hasSize(1);
		assertThat(audited("clinician", "CREATE", signed.id())).isEqualTo(1);
		assertThat(signatures.signaturesOf(clinician, TestDocuments.KIND, plan.documentId(), 1))
			.extracting(v -> v.signature().id()).containsExactly(signed.id());
	}

	@Test
	void theMeaningIsStoredInTheWordsAndLanguageTheSignerWasShown() {
		Signature signed = signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.forLanguageTag("es"));

		assertThat(signed.meaningText()).isEqualTo("Revisado por");
		assertThat(signed.meaningLanguage()).isEqualTo("es");
	}

	@Test
	void aWrongPasswordStoresNothingCountsTowardTheLockoutAndIsAudited() {
		MilieuUser fresh = freshClinician();
		int failuresBefore = failures(fresh.accountId());

		assertThatThrownBy(() -> signatures.sign(fresh, sign(plan, "reviewed", null, "not the password"), Locale.ENGLISH))
			.isInstanceOf(SigningRefused.class)
			.satisfies(e -> assertThat(((SigningRefused) e).reason()).isEqualTo(SigningRefused.Reason.WRONG_CREDENTIALS));

		assertThat(stored(plan)).isZero();
		assertThat(failures(fresh.accountId())).isEqualTo(failuresBefore + 1);
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'SIGN_IN_FAILED' and detail like 'signing: wrong password'")
			.param(fresh.getUsername()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void anAccountWithASecondFactorMustGiveARightCodeToSign() {
		MilieuUser fresh = freshClinician();
		String secret = secondFactor.enrol(fresh).secret();
		assertThat(secondFactor.confirm(fresh, SecondFactorCodes.code(secret, clock.instant(), 0))).isPresent();

		assertThatThrownBy(() -> signatures.sign(fresh, sign(plan, "reviewed", null, PASSWORD), Locale.ENGLISH))
			.isInstanceOf(SigningRefused.class)
			.satisfies(e -> assertThat(((SigningRefused) e).reason()).isEqualTo(SigningRefused.Reason.SECOND_FACTOR_MISSING));
		int failuresBefore = failures(fresh.accountId());
		SignDocument wrongCode = new SignDocument(TestDocuments.KIND, plan.documentId(), 1, "reviewed", plan.contentHash(),
				new Credential(null, PASSWORD, "000000"), null);
		assertThatThrownBy(() -> signatures.sign(fresh, wrongCode, Locale.ENGLISH)).isInstanceOf(SigningRefused.class)
			.satisfies(e -> assertThat(((SigningRefused) e).reason()).isEqualTo(SigningRefused.Reason.WRONG_CREDENTIALS));
		assertThat(failures(fresh.accountId())).isEqualTo(failuresBefore + 1);
		assertThat(stored(plan)).isZero();

		SignDocument rightCode = new SignDocument(TestDocuments.KIND, plan.documentId(), 1, "reviewed", plan.contentHash(),
				new Credential(null, PASSWORD, SecondFactorCodes.code(secret, clock.instant(), 1)), null);
		assertThat(signatures.sign(fresh, rightCode, Locale.ENGLISH).method()).isEqualTo(SigningMethod.PASSWORD_AND_SECOND_FACTOR);
	}

	@Test
	void aVersionWhoseContentChangedSinceItWasShownIsNotSigned() {
		SignDocument seen = sign(plan, "reviewed", null, DEMO_PASSWORD);
		documents.tamper(plan.documentId(), 1, "Goal: something else entirely.");

		assertThatThrownBy(() -> signatures.sign(clinician, seen, Locale.ENGLISH)).isInstanceOf(StaleContent.class);
		assertThat(stored(plan)).isZero();
	}

	@Test
	void theSameMeaningCannotBeSignedTwice() {
		signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.ENGLISH);

		assertThatThrownBy(() -> signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.ENGLISH))
			.isInstanceOf(StateConflict.class);
		assertThat(stored(plan)).isEqualTo(1);
	}

	@Test
	void aMeaningThatIsSomeoneElsesIsRefusedBeforeTheCredentialIsAsked() {
		MilieuUser fresh = freshClinician();
		int failuresBefore = failures(fresh.accountId());

		assertThatThrownBy(() -> signatures.sign(fresh, sign(plan, "agreed", null, "wrong anyway"), Locale.ENGLISH))
			.isInstanceOf(RuleViolation.class).satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("meaning"));
		assertThat(failures(fresh.accountId())).isEqualTo(failuresBefore);
		assertThat(stored(plan)).isZero();
	}

	@Test
	void aClinicianOutsideTheResidentsCareIsRefusedBeforeTheCredentialIsAsked() {
		String username = "outsider-" + UUID.randomUUID().toString().substring(0, 8);
		accounts.open(new NewAccount(clinician.programId(), username, "Outside Clinician", PASSWORD, Set.of(Role.CLINICIAN), null));
		MilieuUser outsider = signIns.user(username);

		assertThatThrownBy(() -> signatures.sign(outsider, sign(plan, "reviewed", null, "wrong anyway"), Locale.ENGLISH))
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		assertThat(failures(outsider.accountId())).isZero();
		assertThat(stored(plan)).isZero();
		assertThat(jdbc.sql("select count(*) from audit_record where username = ? and action = 'ACCESS_DENIED'")
			.param(username).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void aResidentWhoDeclinesIsRecordedWithTheReason() {
		SignDocument decline = new SignDocument(TestDocuments.KIND, plan.documentId(), 1, "agreed", plan.contentHash(),
				new Credential(null, DEMO_PASSWORD, null), "I want to talk it over with my sponsor first.");

		Signature declined = signatures.sign(resident, decline, Locale.ENGLISH);

		assertThat(declined.declined()).isTrue();
		assertThat(declined.declineReason()).isEqualTo("I want to talk it over with my sponsor first.");
		assertThat(declined.signerRole()).isEqualTo("RESIDENT");
		assertThat(events.stream(SignatureDeclined.class).filter(e -> e.signatureId().equals(declined.id()))).hasSize(1);
		assertThat(audited("resident01", "CREATE", declined.id())).isEqualTo(1);
		assertThatThrownBy(() -> signatures.sign(resident, decline, Locale.ENGLISH)).isInstanceOf(StateConflict.class);
		// changing their mind later: the decline stays on record and the signature is added
		Signature signed = signatures.sign(resident, sign(plan, "agreed", null, DEMO_PASSWORD), Locale.ENGLISH);
		assertThat(signed.declined()).isFalse();
		assertThat(stored(plan)).isEqualTo(2);
	}

	@Test
	void aSignatureMatchesUntilTheSignedRowIsChangedInTheDatabase() {
		Signature signed = signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.ENGLISH);
		Verification before = signatures.verification(clinician, signed.id());
		assertThat(before.status()).isEqualTo(Verification.Status.VALID);
		assertThat(before.currentHash()).isEqualTo(before.storedHash());

		documents.tamper(plan.documentId(), 1, "Goal: keep the morning routine. And no visits for a month.");

		Verification after = signatures.verification(clinician, signed.id());
		assertThat(after.status()).isEqualTo(Verification.Status.DOES_NOT_MATCH);
		assertThat(after.storedHash()).isEqualTo(signed.contentHash());
		assertThat(after.currentHash()).isNotEqualTo(signed.contentHash()).hasSize(64);
		assertThat(signatures.signaturesOf(clinician, TestDocuments.KIND, plan.documentId(), null))
			.extracting(Verification::status).containsExactly(Verification.Status.DOES_NOT_MATCH);
	}

	@Test
	void theStoredSignatureCannotBeChangedOrRemoved() {
		Signature signed = signatures.sign(clinician, sign(plan, "reviewed", null, DEMO_PASSWORD), Locale.ENGLISH);

		assertThatThrownBy(() -> jdbc.sql("update sig_signature set meaning_text = 'Author' where id = ?").param(signed.id()).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("delete from sig_signature where id = ?").param(signed.id()).update())
			.rootCause().hasMessageContaining("permission denied");
		assertThat(jdbc.sql("select meaning_text from sig_signature where id = ?").param(signed.id()).query(String.class).single())
			.isEqualTo("Reviewed by");
	}

	@Test
	void handedTheTabletTheResidentSignsAsThemselfAndTheClinicianSessionIsNamed() {
		SignDocument handedOver = new SignDocument(TestDocuments.KIND, plan.documentId(), 1, "agreed", plan.contentHash(),
				new Credential("resident01", DEMO_PASSWORD, null), null);

		Signature signed = signatures.sign(clinician, handedOver, Locale.ENGLISH);

		assertThat(signed.signerAccountId()).isEqualTo(resident.accountId());
		assertThat(signed.signerRole()).isEqualTo("RESIDENT");
		assertThat(signed.sessionAccountId()).isEqualTo(clinician.accountId());
		assertThat(audited("resident01", "CREATE", signed.id())).isEqualTo(1);
		assertThat(audited("clinician", "CREATE", signed.id())).isEqualTo(1);
	}

	@Test
	void handedTheTabletSomeoneWithAWrongPasswordSignsNothing() {
		SignDocument handedOver = new SignDocument(TestDocuments.KIND, plan.documentId(), 1, "agreed", plan.contentHash(),
				new Credential("no-such-person", DEMO_PASSWORD, null), null);

		assertThatThrownBy(() -> signatures.sign(clinician, handedOver, Locale.ENGLISH)).isInstanceOf(SigningRefused.class);
		assertThat(stored(plan)).isZero();
	}

	private SignDocument sign(SignableDocument document, String meaning, String username, String password) {
		return new SignDocument(TestDocuments.KIND, document.documentId(), document.version(), meaning,
				document.contentHash(), new Credential(username, password, null), null);
	}

	private MilieuUser freshClinician() {
		String username = "signer-" + UUID.randomUUID().toString().substring(0, 8);
		MilieuUser director = signIns.user("director");
		var account = accounts.open(new NewAccount(director.programId(), username, "Signing Clinician", PASSWORD,
				Set.of(Role.CLINICIAN), null));
		administration.revise(director, account.id(), account.version(), "Signing Clinician", Set.of(Role.CLINICIAN),
				Set.of(houseOf(resident.residentId())));
		return signIns.user(username);
	}

	private int stored(SignableDocument document) {
		return jdbc.sql("select count(*) from sig_signature where document_id = ?").param(document.documentId())
			.query(Integer.class).single();
	}

	private int failures(UUID accountId) {
		return jdbc.sql("select count(*) from identity_sign_in_failure where account_id = ?").param(accountId)
			.query(Integer.class).single();
	}

	private int audited(String username, String action, UUID signatureId) {
		return jdbc.sql("select count(*) from audit_record where username = ? and action = ? and ? = any(resource_ids)")
			.params(username, action, signatureId.toString()).query(Integer.class).single();
	}

	private UUID houseOf(UUID residentId) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(residentId).query(UUID.class).single();
	}
}
