package org.milieu.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.milieu.residents.Admissions;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.NewDischarge;
import org.milieu.residents.ResidentReadmitted;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * What is due of a resident's plan with the real database: the first plan from admission, the next
 * review from the day the plan came into force, a resident's own interval, reviews asked for by events
 * until a signed review follows them, and a discharge taking the resident off the list.
 */
@MilieuWebTest
class PlanSchedulesTests {

	@Autowired
	PlanSchedules schedules;

	@Autowired
	PlanSettings settings;

	@Autowired
	ReviewRequests requests;

	@Autowired
	TreatmentPlans plans;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Discharges discharges;

	@Autowired
	Admissions admissions;

	MilieuUser clinician;

	MilieuUser resident;

	LocalDate today;

	PlanTerms terms;

	@BeforeEach
	void aResidentOfTheClinician() {
		clinician = signIns.user("clinician");
		resident = signIns.user(fixtures.aResidentWithoutPlan());
		today = schedules.today(clinician);
		terms = settings.terms(clinician.programId().value());
	}

	private PlanVersion inForce() {
		PlanVersion draft = plans.startVersion(clinician, resident.residentId(), today);
		PlanVersion written = plans.revise(clinician, resident.residentId(), 1, draft.revision(), new PlanDraft(today,
				List.of(new NewItem(null, ItemKind.PROBLEM, "ASAM5_RELAPSE_POTENTIAL", "I drink when alone", null, null, null,
						null, null))));
		fixtures.sign(clinician, written.planId(), 1, "wrote-with-resident", null);
		fixtures.sign(resident, written.planId(), 1, "agreed", null);
		return written;
	}

	@Test
	void aResidentWithoutAPlanHasTheFirstPlanDueTheProgramsDaysAfterAdmission() {
		PlanDue due = schedules.of(clinician, resident.residentId());

		assertThat(due.planStatus()).isEqualTo(PlanDue.Status.NONE);
		assertThat(due.initialPlan().dueOn()).isEqualTo(due.admittedOn().plusDays(terms.initialPlanDays()));
		assertThat(due.initialPlan().standing()).isEqualTo(ReviewSchedule.standing(today, due.initialPlan().dueOn()));
		assertThat(due.review()).isNull();

		plans.startVersion(clinician, resident.residentId(), today);
		PlanDue drafting = schedules.of(clinician, resident.residentId());
		assertThat(drafting.planStatus()).isEqualTo(PlanDue.Status.DRAFT);
		assertThat(drafting.initialPlan()).isEqualTo(due.initialPlan());
	}

	@Test
	void aPlanInForceIsNextReviewedAnIntervalAfterItCameIntoForce() {
		inForce();

		PlanDue due = schedules.of(clinician, resident.residentId());

		assertThat(due.planStatus()).isEqualTo(PlanDue.Status.IN_FORCE);
		assertThat(due.version()).isEqualTo(1);
		assertThat(due.initialPlan()).isNull();
		assertThat(due.review().dueOn()).isEqualTo(today.plusDays(terms.reviewIntervalDays()));
		assertThat(due.review().reason()).isEqualTo(PlanDue.Reason.SCHEDULED);
		assertThat(due.ownInterval()).isFalse();
	}

	@Test
	void theClinicianSetsTheResidentsOwnIntervalWithAReasonAndCanGoBackToTheProgramsOne() {
		inForce();

		PlanDue own = schedules.setReviewInterval(clinician, resident.residentId(), 5, "Early relapse risk");

		assertThat(own.ownInterval()).isTrue();
		assertThat(own.review()).isEqualTo(new PlanDue.Due(today.plusDays(5), PlanDue.Standing.DUE, PlanDue.Reason.SCHEDULED));
		assertThatThrownBy(() -> schedules.setReviewInterval(clinician, resident.residentId(), 0, "Too often"))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("days"));
		assertThatThrownBy(() -> schedules.setReviewInterval(clinician, resident.residentId(), 366, "Too seldom"))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("days"));
		assertThatThrownBy(() -> schedules.setReviewInterval(clinician, resident.residentId(), 10, " "))
			.isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> schedules.setReviewInterval(signIns.user("staff"), resident.residentId(), 10, "Staff"))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(schedules.of(clinician, resident.residentId()).reviewIntervalDays()).isEqualTo(5);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where resident_id = ? and username = 'clinician' and action = 'UPDATE'
				  and 'TreatmentPlanSchedule' = any (resource_types)""").param(resident.residentId()).query(Long.class)
			.single()).isPositive();

		PlanDue back = schedules.setReviewInterval(clinician, resident.residentId(), null, "Stable again");
		assertThat(back.ownInterval()).isFalse();
		assertThat(back.reviewIntervalDays()).isEqualTo(terms.reviewIntervalDays());
	}

	@Test
	void aLevelChangeAsksForAReviewThatStaysOpenUntilAReviewIsSignedAfterIt() {
		PlanVersion plan = inForce();
		UUID levelReview = UUID.randomUUID();

		assertThat(requests.request(clinician.programId().value(), resident.residentId(), PlanDue.Reason.LEVEL_CHANGE,
				levelReview)).isTrue();
		assertThat(requests.request(clinician.programId().value(), resident.residentId(), PlanDue.Reason.LEVEL_CHANGE,
				levelReview)).as("the same event twice asks once").isFalse();
		PlanDue asked = schedules.of(clinician, resident.residentId());
		assertThat(asked.review()).isEqualTo(new PlanDue.Due(today, PlanDue.Standing.DUE, PlanDue.Reason.LEVEL_CHANGE));
		assertThat(asked.requests()).extracting(PlanDue.Request::eventId).containsExactly(levelReview);

		// the review itself is another part's: a completed one is a row with signed_at
		signedReview(plan, "requested_at - interval '1 minute'");
		assertThat(schedules.of(clinician, resident.residentId()).requests()).as("a review signed before it").hasSize(1);
		signedReview(plan, "requested_at + interval '1 minute'");
		PlanDue answered = schedules.of(clinician, resident.residentId());
		assertThat(answered.requests()).isEmpty();
		assertThat(answered.review().reason()).isEqualTo(PlanDue.Reason.SCHEDULED);
		assertThat(answered.review().dueOn()).isEqualTo(today.plusDays(terms.reviewIntervalDays()));
	}

	@Test
	void anEventAsksNothingForAResidentWithoutAPlan() {
		assertThat(requests.request(clinician.programId().value(), resident.residentId(), PlanDue.Reason.MAJOR_INCIDENT,
				UUID.randomUUID())).isFalse();
		assertThat(schedules.of(clinician, resident.residentId()).requests()).isEmpty();
	}

	@Test
	void theListShowsTheResidentsInReachOverdueFirstEachAuditedAndIsRefusedToStaffAndFamily() {
		inForce();
		long mark = jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();

		List<PlanDue> due = schedules.due(clinician);

		assertThat(due).extracting(PlanDue::residentId).contains(resident.residentId());
		int firstNotOverdue = (int) due.stream().takeWhile(PlanDue::overdue).count();
		assertThat(due.subList(firstNotOverdue, due.size())).noneMatch(PlanDue::overdue);
		assertThat(jdbc.sql("""
				select count(*) from audit_record where id > ? and username = 'clinician' and action = 'READ'
				  and ? = any (resource_ids) and 'TreatmentPlanSchedule' = any (resource_types)""")
			.params(mark, resident.residentId().toString()).query(Long.class).single()).isEqualTo(1L);
		assertThatThrownBy(() -> schedules.due(signIns.user("staff"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> schedules.due(signIns.user("family"))).isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> schedules.due(resident)).isInstanceOf(AccessDeniedException.class);
		assertThat(schedules.counts(signIns.user("staff"))).isEqualTo(new PlanSchedules.Counts(0, 0, 0, 0));
	}

	@Test
	void aDischargedResidentLeavesTheListAndTheirReadmissionAsksForAReview() {
		inForce();
		MilieuUser director = signIns.user("director");
		record Person(String given, String family, LocalDate born, UUID bed) {
		}
		Person person = jdbc.sql("""
				select r.given_name, r.family_name, r.birth_date, s.bed_id from residents_resident r
				join residents_stay s on s.resident_id = r.id and s.discharged_on is null where r.id = ?""")
			.param(resident.residentId())
			.query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getObject(4, UUID.class)))
			.single();

		discharges.discharge(director, resident.residentId(), new NewDischarge(today, DischargeType.COMPLETED,
				"Completed the program", NewDischarge.Aftercare.NONE));

		assertThat(schedules.due(director)).extracting(PlanDue::residentId).doesNotContain(resident.residentId());
		assertThatThrownBy(() -> schedules.of(director, resident.residentId())).isInstanceOf(RecordNotFound.class);

		admissions.admit(director, new NewAdmission(person.given(), person.family(), null, person.born(), person.bed(), today,
				NewAdmission.Details.NONE, resident.residentId()));
		UUID stay = jdbc.sql("select id from residents_stay where resident_id = ? and discharged_on is null")
			.param(resident.residentId()).query(UUID.class).single();
		assertThat(jdbc.sql("select count(*) from event_publication where event_type like '%ResidentReadmitted' and serialized_event like ?")
			.param("%" + stay + "%").query(Long.class).single()).as("the readmission is told as such").isEqualTo(1L);
		// a second delivery of the same event (the listener runs asynchronously, as after the commit) asks once
		requests.afterReadmission(new ResidentReadmitted(director.programId().value(), resident.residentId(), null, today, stay));
		org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
			.until(() -> !schedules.of(director, resident.residentId()).requests().isEmpty());

		PlanDue back = schedules.of(director, resident.residentId());
		assertThat(back.admittedOn()).isEqualTo(today);
		assertThat(back.requests()).extracting(PlanDue.Request::reason).containsExactly(PlanDue.Reason.READMISSION);
		assertThat(back.review().reason()).isEqualTo(PlanDue.Reason.READMISSION);
	}

	private void signedReview(PlanVersion plan, String signedAt) {
		jdbc.sql("""
				insert into plans_review (id, plan_id, program_id, resident_id, version_number, reason, held_on, created_by,
				    created_by_name, created_at, signed_at)
				select ?, ?, program_id, resident_id, 1, 'LEVEL_CHANGE', ?, ?, 'Clinician', now(), %s
				from plans_review_request where plan_id = ?""".formatted(signedAt))
			.params(UUID.randomUUID(), plan.planId(), today, clinician.accountId(), plan.planId()).update();
	}
}
