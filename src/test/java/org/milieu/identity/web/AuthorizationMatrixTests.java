package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.milieu.MilieuWebTest;
import org.milieu.identity.Accounts;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.NewAccount;
import org.milieu.identity.Role;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.Admissions;
import org.milieu.residents.Houses;
import org.milieu.residents.NewAdmission;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the JSON API against every role, for the caller's own resident and another
 * one, driven by one table. An endpoint missing from the table fails the build, so nobody can add
 * an endpoint without saying who may use it.
 */
@MilieuWebTest
class AuthorizationMatrixTests {

	/** The people asking, one per role, in the order of each row's expected statuses. */
	static final List<String> CALLERS = List.of("director", "clinician", "staff", "resident01", "family");

	enum Subject {
		/** no resident in the path */
		NONE,
		/** resident01: the resident caller's own record, in the staff caller's house */
		OWN,
		/** resident02: another resident, in the other house */
		OTHER,
		/** resident24: a resident used where a call leaves lasting grants behind */
		SPARE,
		/** a resident admitted for this test alone, whom a call may discharge */
		LEAVING,
		/** former01: a demo resident discharged from the staff caller's house (read-only record) */
		DISCHARGED
	}

	record Row(HttpMethod method, String pattern, Subject subject, int... expected) {
	}

	static final List<Row> TABLE = List.of(
			new Row(HttpMethod.GET, "/api/v1/residents", Subject.NONE, 200, 200, 200, 403, 403),
			// listings a page at a time: residents' data is for staff roles; meetings also for residents
			new Row(HttpMethod.GET, "/api/v1/resident-records", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/meetings", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/motions", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/work-rosters", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/job-assignments", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/pass-records", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/job-completion-records", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/stipend-payout-records", Subject.NONE, 200, 200, 200, 403, 403),
			// follow-ups are the clinician's (and the director's), as their page
			new Row(HttpMethod.GET, "/api/v1/drug-screen-follow-up-records", Subject.NONE, 200, 200, 403, 403, 403),
			// officers and house rules: staff all, a resident their house's and the program's
			new Row(HttpMethod.GET, "/api/v1/officer-terms", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/house-rule-records", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/residents", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/discharge", Subject.LEAVING, 200, 403, 403, 403, 403),
			// a move to a bed that does not exist: the director gets past the policy to the 422
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/move", Subject.OWN, 422, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}", Subject.DISCHARGED, 200, 200, 200, 403, 403),
			// an export: staff may read a record but not take it out of Milieu; no discharge yet is "not found"
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/discharge-summary.pdf", Subject.DISCHARGED, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/discharge-summary.pdf", Subject.OWN, 404, 404, 403, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/discharge-summary.pdf", Subject.OTHER, 404, 404, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses/{id}", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/houses/{id}", Subject.NONE, 200, 403, 403, 403, 403),
			// rooms and beds are program configuration: staff roles read, the director adds and retires
			new Row(HttpMethod.GET, "/api/v1/houses/{id}/beds", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{id}/beds", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{id}/beds/{bedId}/retire", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/audit-events", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/audit/verification", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/audit/verification/since-checkpoint", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/audit/checkpoints", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/users", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/users/{id}", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/users", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/users/{id}", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/users/{id}/disable", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/users/{id}/enable", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/users/{id}/invitation", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/users/{id}/second-factor/reset", Subject.NONE, 200, 403, 403, 403, 403),
			// everyone manages their own tokens; someone else's token is "not found"
			new Row(HttpMethod.GET, "/api/v1/tokens", Subject.NONE, 200, 200, 200, 200, 200),
			new Row(HttpMethod.POST, "/api/v1/tokens", Subject.NONE, 201, 201, 201, 201, 201),
			new Row(HttpMethod.DELETE, "/api/v1/tokens/{id}", Subject.OTHER, 404, 404, 404, 404, 404),
			// calendar feeds: everyone lists their own; staff roles make a feed of the sessions they facilitate (the
			// matrix's kind), a resident only of their own sessions; someone else's feed is "not found"
			new Row(HttpMethod.GET, "/api/v1/calendar-feeds", Subject.NONE, 200, 200, 200, 200, 200),
			new Row(HttpMethod.POST, "/api/v1/calendar-feeds", Subject.NONE, 201, 201, 201, 403, 403),
			new Row(HttpMethod.DELETE, "/api/v1/calendar-feeds/{id}", Subject.OTHER, 404, 404, 404, 404, 404),
			// the feed itself is secured by its token, not by who asks (calendar apps do not sign in): an unknown
			// token is 404 for everyone
			new Row(HttpMethod.GET, "/calendar/{token}.ics", Subject.NONE, 404, 404, 404, 404, 404),
			// break-glass: any staff role may open it with a reason, residents and family may not
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/emergency-access", Subject.SPARE, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/emergency-access", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/emergency-access/{id}/review", Subject.NONE, 404, 403, 403, 403, 403),
			// staffing: counts and rosters for every staff role; the director alone configures; a person checks
			// in only to a house they work in (the test house is nobody's but the director's), and only the
			// director checks out someone else
			new Row(HttpMethod.GET, "/api/v1/census", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/occupancy", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/staffing/check-ins", Subject.NONE, 201, 422, 422, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/check-ins", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/staffing/check-outs", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/shifts", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/staffing/shifts", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/minimums/{houseId}", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/staffing/minimums/{houseId}", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/roster", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/staffing/roster", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.DELETE, "/api/v1/staffing/roster/{id}", Subject.NONE, 404, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/ratio-alerts", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/ratio-history", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/staffing/handoff-notes", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/staffing/handoff-notes", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/staffing/handoff-notes/{id}/acknowledge", Subject.NONE, 404, 404, 404, 403, 403),
			// drug screens: staff roles of the resident's house or caseload record and read; a resident reads their own
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/drug-screens", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/drug-screens", Subject.OTHER, 201, 201, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/drug-screens", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/drug-screens", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/drug-screens/{screenId}", Subject.OWN, 404, 404, 404, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/drug-screens/{screenId}", Subject.OTHER, 404, 404, 403, 403, 403),
			// follow-ups are the clinician's (and the director's); someone else's item is "not found"
			new Row(HttpMethod.GET, "/api/v1/drug-screen-follow-ups", Subject.NONE, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/drug-screen-follow-ups/{id}/close", Subject.NONE, 404, 404, 403, 403, 403),
			// whereabouts: staff on shift and the director sign residents out and in; clinicians read;
			// a resident reads their own passes. Before each sign-out the resident is back in, and
			// before each sign-in they are out (see passFixture).
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/passes", Subject.OWN, 201, 403, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/passes", Subject.OTHER, 201, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/passes", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/passes", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/passes", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/passes/{id}", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/passes/{id}", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/passes/{id}/return", Subject.OWN, 200, 403, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/passes/{id}/return", Subject.OTHER, 200, 403, 403, 403, 403),
			// observation rounds: orders are clinical (clinicians and the director; the matrix's order starts
			// tomorrow, so it never falls overdue); checks are for staff roles of the resident's house, and
			// resident01 is not on observation now, so a permitted check is a 422; a batch into the test
			// house (nobody's but the director's) with no checks is the director's 422; random orders are 404
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/observation-orders", Subject.OWN, 201, 201, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/observation-orders", Subject.OTHER, 201, 201, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/observation-orders/{id}/end", Subject.NONE, 404, 404, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/observations", Subject.OWN, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/observations", Subject.OTHER, 422, 422, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{id}/observations", Subject.NONE, 422, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses/{id}/rounds", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/observation-orders/{id}/handovers", Subject.NONE, 404, 404, 404, 403, 403),
			// shift ratings: staff roles of the house keep its point sheet (each call a shift of its own, in the
			// house of resident01); residents and family see no sheet; a resident reads their own ratings
			new Row(HttpMethod.POST, "/api/v1/houses/{id}/shift-ratings", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/meetings", Subject.NONE, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/meetings/{id}", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/agenda-items", Subject.NONE, 201, 201, 201, 201, 403),
			// government lifecycle: staff keep attendance; the settings are the director's (a quorum of 0 is his 422)
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/attendance", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/meeting-settings", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.PUT, "/api/v1/meeting-settings", Subject.NONE, 422, 403, 403, 403, 403),
			// government motions: staff advise and do not move motions (403), the resident's meeting is not under way
			// (422); a motion that does not exist is 404 for whoever may ask, the family is refused first
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/motions", Subject.NONE, 403, 403, 403, 422, 403),
			new Row(HttpMethod.GET, "/api/v1/meetings/{id}/motions", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/motions/{id}", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/second", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/ballots", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/paper-ballots", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/receipt-check", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/close", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/motions/{id}/result", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/motions/{id}/overrule", Subject.NONE, 404, 404, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/officers", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/house-rules", Subject.NONE, 200, 200, 200, 200, 403),
			// work completion: an assignment or completion that does not exist is 404 for whoever may ask; the queue is staff's
			new Row(HttpMethod.POST, "/api/v1/job-assignments/{id}/completion", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/job-completions/{id}/verification", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/job-completions/{id}/correction", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/job-completions", Subject.NONE, 200, 200, 200, 403, 403),
			// the work-and-skills record: read by whoever may read the resident's work; printed (an export) by the resident,
			// a clinician or the director, not by staff
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/work-record", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/work-record.pdf", Subject.OWN, 200, 200, 403, 200, 403),
			// work reports: staff roles; without a period every caller who may ask gets the 422 naming from
			new Row(HttpMethod.GET, "/api/v1/work-reports", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/work-reports.csv", Subject.NONE, 422, 422, 422, 403, 403),
			// minutes of the demo meeting not yet held: 409 for whoever may ask; saving and approving are for staff and
			// officers (422: not held, not closed)
			new Row(HttpMethod.GET, "/api/v1/meetings/{id}/minutes", Subject.NONE, 409, 409, 409, 409, 403),
			new Row(HttpMethod.PUT, "/api/v1/meetings/{id}/minutes", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/minutes/approval", Subject.NONE, 422, 422, 422, 403, 403),
			// government follow-up: staff record action items (one owned by resident01); the owner or staff mark one done
			// (a fresh item of resident01's for each call); staff record a problem's follow-up (resident01's problem),
			// the resident who raised it reads it
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/action-items", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/action-items", Subject.NONE, 200, 200, 200, 200, 403),
			// electronic signatures: staff roles and residents sign, decline and list (the document's kind then asks the
			// access policy); the matrix names a test document that does not exist, so whoever may ask gets 404
			new Row(HttpMethod.POST, "/api/v1/signatures", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/signatures/declines", Subject.NONE, 404, 404, 404, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/signatures", Subject.NONE, 404, 404, 404, 404, 403),
			// treatment plans are clinical notes: the resident's clinician and the director draft and read; the resident
			// reads their own and writes only their own words; staff and family do not read them. resident01 never has a
			// plan in the matrix (its first version starts before the admission: 422), so whoever may ask gets 404
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan", Subject.OWN, 404, 404, 403, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan", Subject.OTHER, 404, 404, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/plan/versions", Subject.OWN, 422, 422, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan/versions/{number}", Subject.OWN, 404, 404, 403, 404, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/plan/versions/{number}", Subject.OWN, 404, 404, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/plan/versions/{number}/own-words", Subject.OWN, 403, 403, 403, 404, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/plan/versions/{number}/own-words/{itemId}", Subject.OWN, 403, 403, 403, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/plan/reviews", Subject.OWN, 409, 409, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan/reviews", Subject.OWN, 200, 200, 403, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan/reviews", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan/reviews/{reviewId}", Subject.OWN, 404, 404, 403, 404, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/plan/reviews/{reviewId}", Subject.OWN, 404, 404, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/plan/reviews/{reviewId}/resident-comment", Subject.OWN, 403, 403, 403, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/plan/reviews/{reviewId}/revision", Subject.OWN, 404, 404, 403, 403, 403),
			// the plan as a PDF is an export (staff and family never; the resident their own); templates hold no resident
			// data: the director writes them, clinicians read them and add one to a draft
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan.pdf", Subject.OWN, 404, 404, 403, 404, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/plan.pdf", Subject.OTHER, 404, 404, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/plan/versions/{number}/template-applications", Subject.OWN, 404, 404, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/plan-templates", Subject.NONE, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/plan-templates", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/plan-templates/{id}", Subject.NONE, 404, 404, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/plan-templates/{id}", Subject.NONE, 404, 403, 403, 403, 403),
			new Row(HttpMethod.DELETE, "/api/v1/plan-templates/{id}", Subject.NONE, 404, 403, 403, 403, 403),
			// what is due of the plans is a clinical listing; the settings are read by the director and clinicians and
			// changed by the director (the matrix sends out-of-range input, so whoever may change gets 422 and nothing changes)
			new Row(HttpMethod.GET, "/api/v1/plans/due", Subject.NONE, 200, 200, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/plan/review-interval", Subject.OWN, 422, 422, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/plan-settings", Subject.NONE, 200, 200, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/plan-settings", Subject.NONE, 422, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/plan-settings/areas", Subject.NONE, 422, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/plan-settings/areas/{code}", Subject.NONE, 422, 403, 403, 403, 403),
			// small groups: a house's grouping is a list of levels data, for the director and the house's staff and
			// clinicians (resident01's house); the matrix's settings and separations are refused (422), its ids random (404)
			new Row(HttpMethod.GET, "/api/v1/houses/{houseId}/groups", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{houseId}/groups/proposals", Subject.NONE, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses/{houseId}/groups/groupings/{groupingId}", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{houseId}/groups/groupings/{groupingId}/moves", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{houseId}/groups/groupings/{groupingId}/approval", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses/{houseId}/groups/history", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/houses/{houseId}/groups/settings", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{houseId}/groups/separations", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/houses/{houseId}/groups/separations/{separationId}/end", Subject.NONE, 404, 404, 404, 403, 403),
			// the sessions calendar: kinds of session read by staff roles, changed by the director; sessions scheduled
			// and read by staff roles (the matrix sends incomplete input or unknown ids: 422 or 404, nothing changes)
			new Row(HttpMethod.GET, "/api/v1/session-types", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/session-types", Subject.NONE, 422, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/session-types/{id}", Subject.NONE, 404, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/session-types/{id}/retire", Subject.NONE, 404, 403, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/sessions", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/sessions/{id}", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/sessions/occurrences", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/sessions/{id}/occurrences/{date}/cancel", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/sessions/{id}/occurrences/{date}/move", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/sessions/{id}/cancel", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/action-items/{id}/done", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/agenda-items/{id}/follow-up", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/agenda-items/{id}/follow-up", Subject.OWN, 200, 200, 200, 200, 403),
			// the demo meeting starts in days and is not open: staff roles reach the 422, residents do not run meetings
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/open", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/close", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/meetings/{id}/current-item", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/meetings/{id}/agenda-order", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/agenda-items/{id}/notes", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/houses/{id}/shift-ratings", Subject.OWN, 200, 200, 200, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/shift-ratings/{entryId}/corrections", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/shift-ratings", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/shift-ratings", Subject.OTHER, 200, 200, 403, 403, 403),
			// a resident's history (ratings, checks, facts) is read like their ratings
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/history", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/history", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/level-scheme", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/level-scheme/versions", Subject.NONE, 200, 200, 200, 403, 403),
			// a version from a past date: refused for the director, forbidden for everyone else
			new Row(HttpMethod.POST, "/api/v1/level-scheme", Subject.NONE, 422, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level", Subject.OTHER, 200, 200, 403, 403, 403),
			// resident01 is at level 4: there is no criterion above, so a reader who may look finds none
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level/criteria/{key}/entries", Subject.OWN, 404, 404, 404, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/level-facts", Subject.OWN, 201, 201, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/criterion-adjustments", Subject.OWN, 200, 200, 200, 200, 403),
			// no reason given: refused for those who may adapt criteria
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/criterion-adjustments", Subject.OWN, 422, 422, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/criterion-adjustments/{id}/end", Subject.NONE, 404, 404, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/level-reviews", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/level-reviews/{id}", Subject.NONE, 404, 404, 404, 404, 404),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level-reviews", Subject.OWN, 200, 200, 200, 200, 403),
			// no reason given: refused for staff, forbidden for residents and family
			new Row(HttpMethod.POST, "/api/v1/level-reviews", Subject.NONE, 422, 422, 422, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/level-reviews/{id}/decision", Subject.NONE, 404, 404, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/level-reviews/{id}/self-assessment", Subject.NONE, 403, 403, 403, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/level-reviews/{id}/peer-input", Subject.NONE, 403, 403, 403, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/level-reviews/run", Subject.NONE, 200, 200, 403, 403, 403),
			// level views: a resident's timeline as their ratings (a resident reads their own); the per-house
			// counts are a list, for staff roles only
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level-timeline", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/level-timeline", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/level-distribution", Subject.NONE, 200, 200, 200, 403, 403),
			// privileges: the catalogue is the program's rules, read by all but family, changed by the director
			// (the matrix's change sets phone time to what it is, so nothing changes); a resident's privileges
			// are read like their ratings; grants and restrictions are clinical (the matrix's grant of the
			// mentor role starts tomorrow, for a day); random adjustments are 404
			new Row(HttpMethod.GET, "/api/v1/privileges", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/privileges/{code}", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/privileges", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/privileges/{code}", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/privileges", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/privileges", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/privilege-adjustments", Subject.OWN, 201, 201, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/privilege-adjustments", Subject.SPARE, 201, 201, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/privilege-adjustments/{id}/end", Subject.NONE, 404, 404, 403, 403, 403),
			// work (roster): the job catalogue is the program's rules, read by all but family, changed by the
			// director (the matrix's jobs are inactive, so no roster picks them)
			new Row(HttpMethod.GET, "/api/v1/jobs", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/jobs", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/jobs/{id}", Subject.NONE, 200, 403, 403, 403, 403),
			// preferences and assignments are the resident's work record: read like it, ranked by the resident or
			// staff of their house (the matrix clears resident01's list); a roster is a list, for staff roles, and
			// proposed and published by the director and staff (the matrix's week is far ahead and never
			// published); swaps are asked by the assignment's resident and decided by staff; random ids are 404
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/job-preferences", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/job-preferences", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/job-preferences", Subject.OWN, 200, 403, 200, 200, 403),
			new Row(HttpMethod.PUT, "/api/v1/residents/{id}/job-preferences", Subject.OTHER, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/job-assignments", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/job-assignments", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/work-rosters", Subject.NONE, 201, 403, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/work-rosters/{id}", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/work-rosters/{id}/publish", Subject.NONE, 404, 403, 404, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/job-assignments/{id}", Subject.NONE, 404, 403, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/job-assignments/{id}/swap-requests", Subject.NONE, 403, 403, 403, 404, 403),
			new Row(HttpMethod.POST, "/api/v1/swap-requests/{id}/decision", Subject.NONE, 404, 403, 404, 403, 403),
			// work: ledger. Staff of the house and the director keep the stipend ledger; clinicians read it and approve
			// deductions (not bonuses); residents read their own; batches and settings are for staff roles
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/stipend", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/stipend", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/stipend-entries", Subject.OWN, 201, 403, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/stipend-entries/{id}/reversal", Subject.NONE, 201, 403, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/stipend-payouts", Subject.NONE, 201, 403, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/stipend-payouts", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/stipend-payouts/{id}", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/stipend-settings", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/stipend-settings", Subject.NONE, 200, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/incentives", Subject.OWN, 200, 200, 200, 200, 403),
			new Row(HttpMethod.GET, "/api/v1/residents/{id}/incentives", Subject.OTHER, 200, 200, 403, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/incentives", Subject.OWN, 201, 403, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/residents/{id}/incentives/redemptions", Subject.OWN, 201, 403, 201, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/incentive-entries/{id}/reversal", Subject.NONE, 201, 403, 201, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/incentive-rules", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/incentive-rules", Subject.NONE, 201, 403, 403, 403, 403),
			new Row(HttpMethod.GET, "/api/v1/incentive-items", Subject.NONE, 200, 200, 200, 200, 403),
			new Row(HttpMethod.POST, "/api/v1/incentive-items", Subject.NONE, 201, 403, 403, 403, 403),
			// attendance: an occurrence's roll call is taken by the director, the facilitators and staff of the
			// session's house (the matrix's session is resident01's house's, today; the clinician works there)
			new Row(HttpMethod.GET, "/api/v1/sessions/{id}/occurrences/{date}/attendance", Subject.NONE, 200, 200, 200, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/sessions/{id}/occurrences/{date}/attendance/{residentId}", Subject.OWN, 200, 200, 200,
					403, 403),
			// group notes: staff roles pass to the service, which finds no such occurrence (a session of no one's);
			// the service's own tests prove who of them writes a real note (facilitators and clinicians)
			new Row(HttpMethod.GET, "/api/v1/sessions/{id}/occurrences/{date}/note", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/sessions/{id}/occurrences/{date}/note", Subject.NONE, 404, 404, 404, 403, 403),
			new Row(HttpMethod.PUT, "/api/v1/sessions/{id}/occurrences/{date}/note/entries/{residentId}", Subject.OWN, 404, 404, 404, 403, 403),
			new Row(HttpMethod.POST, "/api/v1/sessions/{id}/occurrences/{date}/note/addenda", Subject.NONE, 404, 404, 404, 403, 403));

	/** Each sheet the matrix writes is for a shift of its own, counting back day by day from long ago. */
	private static final java.util.concurrent.atomic.AtomicInteger SHEET_DAY = new java.util.concurrent.atomic.AtomicInteger(
			400 + new java.util.Random().nextInt(20_000));

	@Autowired
	MockMvc mvc;

	@Autowired
	java.time.Clock clock;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	Houses houses;

	@Autowired
	Accounts accounts;

	@Autowired
	Admissions admissions;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	private UUID leaving;

	@Autowired
	org.milieu.work.StipendLedger stipends;

	@Autowired
	org.milieu.work.Incentives incentives;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyApiEndpointIsInTheTable() {
		Set<String> mapped = new TreeSet<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			for (String pattern : info.getPatternValues()) {
				if (pattern.startsWith("/api/") || pattern.endsWith(".ics")) {
					info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
				}
			}
		}
		Set<String> tabled = TABLE.stream().map(r -> r.method().name() + " " + r.pattern()).collect(Collectors.toCollection(TreeSet::new));
		assertThat(mapped).isNotEmpty().isEqualTo(tabled);
	}

	@TestFactory
	Stream<DynamicTest> everyRoleGetsWhatTheTableSays() {
		UUID house = houses.found(signIns.user("director").programId(),
				new HouseDetails("Matrix " + UUID.randomUUID().toString().substring(0, 8), HouseKind.MIXED, null), 2).id();
		leaving = UUID.randomUUID();
		admissions.admit(signIns.user("director").programId(), leaving, new NewAdmission("Matrix", "Leaving",
				null, java.time.LocalDate.of(1985, 5, 5), houses.beds(signIns.user("director").programId(), house).get(1).id(),
				java.time.LocalDate.of(2026, 1, 5)));
		UUID account = accounts.open(new NewAccount(signIns.user("director").programId(),
				"matrix-" + UUID.randomUUID().toString().substring(0, 8), "Matrix Person", null, Set.of(Role.STAFF), null)).id();
		return TABLE.stream().flatMap(row -> IntStream.range(0, CALLERS.size()).mapToObj(i -> {
			String caller = CALLERS.get(i);
			return DynamicTest.dynamicTest(row.method() + " " + row.pattern() + " " + row.subject() + " as " + caller, () -> {
				int status = mvc.perform(call(row, caller, house, account)).andReturn().getResponse().getStatus();
				assertThat(status).as("%s %s (%s) as %s", row.method(), row.pattern(), row.subject(), caller)
					.isEqualTo(row.expected()[i]);
			});
		}));
	}

	/**
	 * Puts the resident where the row's call needs them: back in before a sign-out, out on a pass
	 * before a sign-in. Returns the pass the call is about (the open one, else the latest).
	 */
	private UUID passFixture(Row row, UUID resident) {
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/passes")) {
			jdbc.sql("update residents_pass set returned_at = greatest(left_at, now()), returned_recorded_by = 'matrix' "
					+ "where resident_id = ? and returned_at is null").param(resident).update();
			return null;
		}
		if (row.pattern().endsWith("/return")) {
			jdbc.sql("""
					insert into residents_pass (id, program_id, resident_id, stay_id, house_id, destination, purpose, left_at,
					                            expected_back_at, approved_by, signed_out_by)
					select gen_random_uuid(), s.program_id, s.resident_id, s.id, s.house_id, 'Matrix', 'Matrix test',
					       now() - interval '1 hour', now() + interval '1 hour', 'matrix', 'matrix'
					  from residents_stay s
					 where s.resident_id = ? and s.discharged_on is null
					   and not exists (select 1 from residents_pass p where p.resident_id = s.resident_id and p.returned_at is null)""")
				.param(resident).update();
		}
		return jdbc.sql("select id from residents_pass where resident_id = ? order by returned_at is null desc, left_at desc limit 1")
			.param(resident).query(UUID.class).optional().orElseGet(UUID::randomUUID);
	}

	/**
	 * For the government follow-up rows, in a closed meeting of resident01's house of its own: a fresh open
	 * action item owned by resident01 (each call marks one done), or the one problem resident01 raised there.
	 */
	private UUID governmentFixture(String what) {
		UUID resident = signIns.user("resident01").residentId();
		UUID program = signIns.user("resident01").programId().value();
		UUID meeting = jdbc.sql("select id from government_meeting where title = 'Matrix follow-up' and house_id = ?")
			.param(houseOf(resident)).query(UUID.class).optional().orElseGet(() -> {
				UUID id = UUID.randomUUID();
				jdbc.sql("insert into government_meeting (id, program_id, house_id, kind, title, starts_at, status, created_by, "
						+ "created_at) values (?, ?, ?, 'AD_HOC', 'Matrix follow-up', now() - interval '2 days', 'CLOSED', 'matrix', "
						+ "now() - interval '3 days')").params(id, program, houseOf(resident)).update();
				jdbc.sql("insert into government_agenda_item (id, meeting_id, kind, title, submitted_by, submitted_by_resident, "
						+ "position, status, submitted_at) values (?, ?, 'PROBLEM', 'Matrix problem', 'resident01', ?, 1, 'DISCUSSED', "
						+ "now() - interval '3 days')").params(UUID.randomUUID(), id, resident).update();
				return id;
			});
		if (what.equals("problem")) {
			return jdbc.sql("select id from government_agenda_item where meeting_id = ?").param(meeting).query(UUID.class).single();
		}
		UUID item = UUID.randomUUID();
		jdbc.sql("insert into government_action_item (id, program_id, meeting_id, title, owner_resident, due_on, status, "
				+ "created_by, created_at) values (?, ?, ?, 'Matrix action', ?, current_date + 7, 'OPEN', 'matrix', now())")
			.params(item, program, meeting, resident).update();
		return item;
	}

	@Autowired
	org.milieu.sessions.Sessions sessions;

	@Autowired
	org.milieu.sessions.SessionTypes sessionTypes;

	@Autowired
	org.milieu.residents.Census census;

	/** A session of resident01's house today (at the first hour its residents are free), facilitated by the staff caller, made once a day: its roll call. */
	private UUID rollCallFixture() {
		org.milieu.identity.MilieuUser director = signIns.user("director");
		java.time.LocalDate today = census.day(director.programId());
		UUID house = houseOf(signIns.user("resident01").residentId());
		UUID type = sessionTypes.all(director.programId()).stream().filter(t -> "COMMUNITY_SUPPORT".equals(t.code()))
			.findFirst().orElseThrow().id();
		return jdbc.sql("select id from sessions_session where title = 'Matrix roll call' and house_id = ? and first_on = ?")
			.params(house, today).query(UUID.class).optional()
			.orElseGet(() -> org.milieu.sessions.AttendanceFixtures.atFirstFreeHour(sessions, director,
					at -> new org.milieu.sessions.NewSession(type, "Matrix roll call", house, null, today, at, null, null,
							org.milieu.sessions.AttendeeKind.HOUSE, house, null, null, List.of(signIns.user("staff").accountId())),
					10, 6, 13, 16, 20, 22)
				.id());
	}

	/** An inactive job of the catalogue, made once (no roster picks it). */
	private static final String MATRIX_JOB = "{\"name\": \"Matrix job\", \"minLevel\": 1, \"crewSize\": 1, \"days\": [1], "
			+ "\"startsAt\": \"09:00\", \"expectedMinutes\": 30, \"rateCents\": 100, \"rateUnit\": \"PER_COMPLETION\", "
			+ "\"currency\": \"USD\", \"supervisor\": \"staff\", \"classification\": \"THERAPEUTIC_CHORE\", "
			+ "\"beneficiary\": \"The house\", \"active\": false}";

	/** The work (roster) rows' records: an inactive job of the matrix's own. */
	private UUID workFixture(String what) {
		UUID program = signIns.user("director").programId().value();
		return jdbc.sql("select id from work_job where program_id = ? and name = 'Matrix job' order by created_at limit 1")
			.param(program).query(UUID.class).optional().orElseGet(() -> {
				UUID id = UUID.randomUUID();
				jdbc.sql("insert into work_job (id, program_id, name, min_level, crew_size, days, starts_at, expected_minutes, "
						+ "rate_cents, rate_unit, currency, supervisor, classification, beneficiary, active, created_by, created_at) "
						+ "values (?, ?, 'Matrix job', 1, 1, '{1}', '09:00', 30, 100, 'PER_COMPLETION', 'USD', 'staff', "
						+ "'THERAPEUTIC_CHORE', 'The house', false, 'matrix', now())").params(id, program).update();
				return id;
			});
	}

	/** A fresh bonus for resident01, from the director: something to reverse, and money to pay out. */
	private org.milieu.work.StipendEntry stipendFixture() {
		return stipends.bonus(signIns.user("director"), signIns.user("resident01").residentId(), 50, "USD", "Matrix bonus");
	}

	/** A fresh award to resident01, from the director: something to reverse, and points to redeem. */
	private org.milieu.work.IncentiveEntry incentiveFixture() {
		org.milieu.work.IncentiveEntry entry = null;
		for (int i = 0; i < 3; i++) {
			entry = incentives.award(signIns.user("director"), signIns.user("resident01").residentId(), cheapestRule(), null);
		}
		return entry;
	}

	private UUID cheapestRule() {
		return incentives.rules(signIns.user("director").programId()).stream().filter(org.milieu.work.IncentiveRule::active)
			.min(java.util.Comparator.comparingInt(org.milieu.work.IncentiveRule::points)).orElseThrow().id();
	}

	private UUID houseOf(UUID resident) {
		return jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null").param(resident)
			.query(UUID.class).single();
	}

	private MockHttpServletRequestBuilder call(Row row, String caller, UUID house, UUID account) throws Exception {
		String path = row.pattern();
		boolean users = path.startsWith("/api/v1/users");
		if (path.startsWith("/api/v1/residents/{id}")) {
			UUID subject = switch (row.subject()) {
				case OWN -> signIns.user("resident01").residentId();
				case SPARE -> signIns.user("resident24").residentId();
				case LEAVING -> leaving;
				case DISCHARGED -> jdbc.sql("select id from residents_resident where given_name = 'Terrence' and family_name = 'Hale'")
					.query(UUID.class).single();
				default -> signIns.user("resident02").residentId();
			};
			path = path.replace("{id}", subject.toString()).replace("{screenId}", UUID.randomUUID().toString())
				.replace("{number}", "1").replace("{itemId}", UUID.randomUUID().toString())
				.replace("{reviewId}", UUID.randomUUID().toString())
				.replace("{key}", "no-destructive-behaviour");
		}
		else if (path.startsWith("/api/v1/houses/{houseId}/groups")) {
			path = path.replace("{houseId}", houseOf(signIns.user("resident01").residentId()).toString())
				.replace("{groupingId}", UUID.randomUUID().toString()).replace("{separationId}", UUID.randomUUID().toString());
		}
		else if (path.startsWith("/api/v1/sessions/{id}/occurrences/{date}/note")) {
			path = path.replace("{id}", UUID.randomUUID().toString()).replace("{date}", "2027-01-04")
				.replace("{residentId}", signIns.user("resident01").residentId().toString());
		}
		else if (path.startsWith("/api/v1/houses/{id}/shift-ratings")) {
			path = path.replace("{id}", houseOf(signIns.user("resident01").residentId()).toString());
			if (row.method() == HttpMethod.GET) {
				path += "?date=2026-01-10&shift=DAY";
			}
		}
		else if (path.startsWith("/api/v1/shift-ratings/{entryId}")) {
			UUID entry = jdbc.sql("select id from levels_shift_rating where resident_id = ? and superseded_by is null "
					+ "order by shift_date desc limit 1").param(signIns.user("resident01").residentId())
				.query(UUID.class).optional().orElseGet(UUID::randomUUID);
			path = path.replace("{entryId}", entry.toString());
		}
		else if (path.startsWith("/api/v1/meetings/{id}")) {
			UUID meeting = jdbc.sql("select id from government_meeting where house_id = ? and status <> 'CLOSED' "
					+ "order by created_at limit 1")
				.param(houseOf(signIns.user("resident01").residentId())).query(UUID.class).optional()
				.orElseGet(UUID::randomUUID);
			path = path.replace("{id}", meeting.toString());
		}
		else if (path.startsWith("/api/v1/action-items/{id}")) {
			path = path.replace("{id}", governmentFixture("action-item").toString());
		}
		else if (path.startsWith("/api/v1/agenda-items/{id}") && !path.endsWith("/notes")) {
			path = path.replace("{id}", governmentFixture("problem").toString());
		}
		else if (path.startsWith("/api/v1/agenda-items/{id}")) {
			UUID item = jdbc.sql("select i.id from government_agenda_item i join government_meeting m on m.id = i.meeting_id "
					+ "where m.house_id = ? and m.status <> 'CLOSED' order by m.created_at, i.position limit 1")
				.param(houseOf(signIns.user("resident01").residentId())).query(UUID.class).optional()
				.orElseGet(UUID::randomUUID);
			path = path.replace("{id}", item.toString());
		}
		else if (path.startsWith("/api/v1/sessions/{id}/occurrences/{date}/attendance")) {
			path = path.replace("{id}", rollCallFixture().toString())
				.replace("{date}", census.day(signIns.user("director").programId()).toString())
				.replace("{residentId}", signIns.user("resident01").residentId().toString());
		}
		else if (path.startsWith("/api/v1/jobs/{id}")) {
			path = path.replace("{id}", workFixture("job").toString());
		}
		else if (path.startsWith("/api/v1/plan-settings/areas/{code}")) {
			path = path.replace("{code}", "ASAM1_INTOXICATION_WITHDRAWAL");
		}
		else if (path.startsWith("/api/v1/privileges/{code}")) {
			path = path.replace("{code}", "PHONE_TIME");
		}
		else if (path.startsWith("/api/v1/stipend-entries/{id}")) {
			path = path.replace("{id}", stipendFixture().id().toString());
		}
		else if (path.startsWith("/api/v1/incentive-entries/{id}")) {
			path = path.replace("{id}", incentiveFixture().id().toString());
		}
		else if (path.startsWith("/api/v1/stipend-payouts/{id}")) {
			path = path.replace("{id}", jdbc.sql("select id from work_payout_batch order by paid_at desc limit 1")
				.query(UUID.class).optional().orElseGet(UUID::randomUUID).toString());
		}
		else if (path.startsWith("/api/v1/passes/{id}")) {
			UUID resident = signIns.user(row.subject() == Subject.OWN ? "resident01" : "resident02").residentId();
			path = path.replace("{id}", passFixture(row, resident).toString());
		}
		else if (path.startsWith("/api/v1/tokens/{id}") || path.startsWith("/api/v1/calendar-feeds/{id}")
				|| path.startsWith("/api/v1/emergency-access/{id}")
				|| path.startsWith("/api/v1/staffing/") || path.startsWith("/api/v1/drug-screen-follow-ups/{id}")
				|| path.startsWith("/api/v1/observation-orders/{id}") || path.startsWith("/api/v1/level-reviews/{id}")
				|| path.startsWith("/api/v1/criterion-adjustments/{id}") || path.startsWith("/api/v1/privilege-adjustments/{id}")
				|| path.startsWith("/api/v1/motions/{id}") || path.startsWith("/api/v1/work-rosters/{id}")
				|| path.startsWith("/api/v1/job-assignments/{id}") || path.startsWith("/api/v1/swap-requests/{id}")
				|| path.startsWith("/api/v1/job-completions/{id}") || path.startsWith("/api/v1/session-types/{id}")
				|| path.startsWith("/api/v1/sessions/{id}")) {
			path = path.replace("{id}", UUID.randomUUID().toString());
		}
		else {
			path = path.replace("{id}", (users ? account : house).toString());
		}
		path = path.replace("{houseId}", house.toString());
		path = path.replace("{token}", UUID.randomUUID().toString().replace("-", "") + "AbCdEfGhIjK");
		if (path.endsWith("/retire")) {
			// a free bed of its own for each call, so the director's retirement succeeds
			path = path.replace("{bedId}", houses.addBed(signIns.user("director").programId(), house, "Matrix",
					"M-" + UUID.randomUUID().toString().substring(0, 8)).id().toString());
		}
		if (path.equals("/api/v1/staffing/roster") && row.method() == HttpMethod.GET) {
			path += "?from=2026-11-23&to=2026-11-29";
		}
		path = path.replace("{date}", "2027-01-04");
		if (path.equals("/api/v1/sessions/occurrences")) {
			path += "?from=2026-11-23&to=2026-11-29";
		}
		if (path.equals("/api/v1/occupancy")) {
			path += "?from=2026-11-01&to=2026-11-25";
		}
		if (path.equals("/api/v1/staffing/ratio-history")) {
			path += "?houseId=" + house + "&from=2026-11-20&to=2026-11-26";
		}
		if (path.equals("/api/v1/signatures") && row.method() == HttpMethod.GET) {
			path += "?kind=test-document&documentId=" + UUID.randomUUID();
		}
		MockHttpServletRequestBuilder request = request(row.method(), path).with(signIns.as(caller)).with(csrf());
		String unique = UUID.randomUUID().toString().substring(0, 8);
		if (row.method() == HttpMethod.POST && row.pattern().startsWith("/api/v1/signatures")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"test-document\", \"documentId\": \""
					+ UUID.randomUUID() + "\", \"version\": 1, \"meaning\": \"reviewed\", \"contentHash\": \"" + "0".repeat(64)
					+ "\", \"password\": \"milieu-demo\"" + (row.pattern().endsWith("/declines") ? ", \"reason\": \"matrix\"}" : "}"));
		}
		if (row.method() == HttpMethod.POST && row.pattern().startsWith("/api/v1/residents/{id}/plan/reviews")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{}");
			if (row.pattern().endsWith("/revision")) {
				request.header("If-Match", "\"0\"");
			}
		}
		else if (row.method() == HttpMethod.POST && row.pattern().startsWith("/api/v1/residents/{id}/plan/")) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.pattern().endsWith("/versions")
					? "{\"startsOn\": \"2000-01-01\"}" : row.pattern().endsWith("/template-applications")
							? "{\"templateId\": \"" + UUID.randomUUID() + "\"}" : "{\"kind\": \"GOAL\", \"text\": \"matrix\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/plan-templates")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Matrix " + unique
					+ "\", \"area\": \"ASAM2_BIOMEDICAL\", \"problemText\": \"matrix\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/houses")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Matrix " + unique + "\", \"kind\": \"MIXED\", \"beds\": 1}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/houses/{id}/beds")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"room\": \"Matrix\", \"label\": \"B-" + unique + "\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/users")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"username\": \"matrix-" + unique
					+ "\", \"displayName\": \"Matrix Person\", \"roles\": [\"STAFF\"], \"houseIds\": []}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/residents")) {
			UUID bed = houses.beds(signIns.user("director").programId(), house).get(0).id();
			request.contentType(MediaType.APPLICATION_JSON).content("{\"givenName\": \"Matrix\", \"familyName\": \"Person\", "
					+ "\"birthDate\": \"1990-01-01\", \"houseId\": \"" + house + "\", \"bedId\": \"" + bed
					+ "\", \"admittedOn\": \"2026-01-05\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/calendar-feeds")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"STAFF\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/tokens")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"matrix\", \"expiresInDays\": 1}");
		}
		if (row.pattern().endsWith("/emergency-access")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"matrix test of the emergency path\"}");
		}
		if (row.pattern().endsWith("/discharge")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"dischargedOn\": \"2026-01-10\", \"type\": \"COMPLETED\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/drug-screens")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"collectedAt\": \"2026-01-10T08:00:00Z\", "
					+ "\"specimen\": \"BREATH\", \"panel\": \"ALCOHOL\", \"observed\": true, "
					+ "\"results\": [{\"substance\": \"ALCOHOL\", \"result\": \"NEGATIVE\"}]}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/shift-ratings")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"shiftDate\": \""
					+ java.time.LocalDate.of(2026, 11, 1).minusDays(SHEET_DAY.incrementAndGet()) + "\", \"shift\": \"DAY\", "
					+ "\"entries\": [{\"residentId\": \"" + signIns.user("resident01").residentId()
					+ "\", \"ratings\": [{\"domain\": \"HYGIENE\", \"value\": 3}]}]}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/meetings")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"AD_HOC\", \"title\": \"Matrix meeting\", "
					+ "\"startsAt\": \"" + clock.instant().plus(java.time.Duration.ofDays(1)) + "\"}");
		}
		if (row.pattern().endsWith("/agenda-items")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"PROPOSAL\", \"title\": \"Matrix item\"}");
		}
		if (row.pattern().endsWith("/current-item")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": \"" + UUID.randomUUID() + "\"}");
		}
		if (row.pattern().endsWith("/notes")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"notes\": \"Matrix notes\"}");
		}
		if (row.pattern().endsWith("/attendance") && !row.pattern().startsWith("/api/v1/sessions/")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"present\": [\"" + signIns.user("resident01").residentId() + "\"]}");
		}
		if (row.pattern().endsWith("/action-items") && row.method() == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"title\": \"Matrix action\", \"ownerResidentId\": \""
					+ signIns.user("resident01").residentId() + "\", \"dueOn\": \""
					+ clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(7) + "\"}");
		}
		if (row.pattern().endsWith("/done")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/follow-up") && row.method() == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"IN_PROGRESS\", \"note\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/corrections")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"value\": 4, \"note\": \"matrix correction\"}");
		}
		if (row.pattern().endsWith("/close")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"met with the resident\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/passes")) {
			passFixture(row, signIns.user(row.subject() == Subject.OWN ? "resident01" : "resident02").residentId());
			request.contentType(MediaType.APPLICATION_JSON).content("{\"destination\": \"Matrix library\", "
					+ "\"purpose\": \"Matrix test\", \"expectedBackAt\": \"" + clock.instant().plusSeconds(3600)
					+ "\", \"pastCurfew\": true}");
		}
		if (row.pattern().endsWith("/stipend-entries")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"kind\": \"BONUS\", \"amountCents\": 1, \"reason\": \"Matrix bonus\"}");
		}
		if (row.pattern().endsWith("/reversal")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Matrix reversal\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/stipend-payouts")) {
			stipendFixture();
			request.contentType(MediaType.APPLICATION_JSON).content("{\"method\": \"COMMISSARY\", \"payouts\": "
					+ "[{\"residentId\": \"" + signIns.user("resident01").residentId() + "\", \"amountCents\": 1}]}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/incentives")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"ruleId\": \"" + cheapestRule() + "\"}");
		}
		if (row.pattern().endsWith("/redemptions")) {
			incentiveFixture();
			UUID item = incentives.items(signIns.user("director").programId()).stream()
				.min(java.util.Comparator.comparingInt(org.milieu.work.IncentiveItem::points)).orElseThrow().id();
			request.contentType(MediaType.APPLICATION_JSON).content("{\"itemId\": \"" + item + "\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/incentive-rules")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Matrix rule " + unique + "\", \"points\": 5}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/incentive-items")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Matrix item " + unique + "\", \"kind\": \"VOUCHER\", \"points\": 5}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/privileges")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"MATRIX_" + unique.toUpperCase(java.util.Locale.ROOT)
					+ "\", \"name\": \"Matrix privilege\", \"minLevel\": 2}");
		}
		if (row.pattern().endsWith("/privilege-adjustments")) {
			java.time.Instant tomorrow = clock.instant().plus(java.time.Duration.ofDays(1));
			request.contentType(MediaType.APPLICATION_JSON).content("{\"privilegeCode\": \"MENTOR_ROLE\", \"kind\": \"GRANT\", "
					+ "\"reason\": \"Matrix test\", \"from\": \"" + tomorrow + "\", \"until\": \"" + tomorrow.plusSeconds(86_400) + "\"}");
		}
		if (row.pattern().endsWith("/observation-orders")) {
			java.time.Instant tomorrow = clock.instant().plus(java.time.Duration.ofDays(1));
			request.contentType(MediaType.APPLICATION_JSON).content("{\"frequency\": \"EVERY_30\", \"reason\": \"Matrix test\", "
					+ "\"startsAt\": \"" + tomorrow + "\", \"endsAt\": \"" + tomorrow.plusSeconds(3600) + "\"}");
		}
		if (row.pattern().endsWith("/observations") && row.pattern().startsWith("/api/v1/residents")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"location\": \"Day room\", \"activity\": \"Reading\"}");
		}
		if (row.pattern().endsWith("/observations") && row.pattern().startsWith("/api/v1/houses")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"observations\": []}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/level-scheme")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"effectiveFrom\": \"2026-01-01\", "
					+ "\"levels\": [{\"number\": 1, \"minimumDays\": 7, \"criteria\": []}]}");
		}
		if (row.pattern().endsWith("/job-completions/{id}/correction")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"outcome\": \"DONE\", \"reason\": \"Matrix test\"}");
		}
		if (row.pattern().endsWith("/level-facts")) {
			// a day before the demo's first closed meeting: attendance from then on comes from the meetings' roll calls
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"ATTENDANCE\", \"occurredOn\": \""
					+ clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().minusDays(60)
					+ "\", \"outcome\": \"ATTENDED\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().endsWith("/criterion-adjustments")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"toLevel\": 2, \"criterionKey\": \"hygiene\", \"kind\": \"ADAPT\", \"threshold\": 70}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/level-reviews")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"residentId\": \""
					+ signIns.user("resident01").residentId() + "\", \"kind\": \"ADVANCEMENT\"}");
		}
		if (row.pattern().endsWith("/decision")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"HOLD\", \"rationale\": \"matrix\"}");
		}
		if (row.pattern().startsWith("/api/v1/swap-requests/")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"approve\": false, \"note\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/job-preferences") && row.method() == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"jobIds\": []}");
		}
		if (row.pattern().startsWith("/api/v1/work-rosters") && row.method() == HttpMethod.POST) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"weekStart\": \"2039-01-03\"}");
		}
		if (row.pattern().startsWith("/api/v1/job-assignments/")) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.method() == HttpMethod.PUT
					? "{\"jobId\": \"" + UUID.randomUUID() + "\"}"
					: "{\"withAssignmentId\": \"" + UUID.randomUUID() + "\", \"reason\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/self-assessment") || row.pattern().endsWith("/peer-input")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/end")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"matrix\"}");
		}
		if (row.pattern().endsWith("/handovers")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"toStaff\": \"Matrix Person\"}");
		}
		if (row.pattern().endsWith("/move")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"bedId\": \"" + UUID.randomUUID() + "\", \"movedOn\": \"2026-11-01\"}");
		}
		if (row.pattern().endsWith("/review")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"note\": \"checked\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/staffing/check-ins")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"houseId\": \"" + house + "\"}");
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/staffing/handoff-notes")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content("{\"houseId\": \"" + house + "\", \"body\": \"Matrix note for the next shift.\"}");
		}
		if (row.pattern().equals("/api/v1/staffing/check-outs")) {
			// the director checks themself out; anyone else names another person, which only the director may
			String body = caller.equals("director") ? "{}" : "{\"accountId\": \"" + account + "\"}";
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		if (row.method() == HttpMethod.POST && row.pattern().equals("/api/v1/staffing/roster")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"houseId\": \"" + house
					+ "\", \"date\": \"2026-11-27\", \"shift\": \"DAY\", \"accountId\": \""
					+ signIns.user("director").accountId() + "\"}");
		}
		if (row.method() == HttpMethod.PUT && row.pattern().startsWith("/api/v1/staffing/")) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.pattern().endsWith("/shifts")
					? "{\"dayStarts\": \"07:00\", \"eveningStarts\": \"15:00\", \"nightStarts\": \"23:00\"}"
					: "{\"day\": 8, \"evening\": 8, \"night\": 12}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().startsWith("/api/v1/privileges/")) {
			int version = jdbc.sql("select version from levels_privilege where program_id = ? and code = 'PHONE_TIME'")
				.param(signIns.user("director").programId().value()).query(Integer.class).single();
			request.header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON)
				.content("{\"minLevel\": 1, \"active\": true}");
		}
		else if (row.method() == HttpMethod.POST && row.pattern().endsWith("/motions")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"kind\": \"ORDINARY\", \"text\": \"Matrix motion\"}");
		}
		else if (row.pattern().endsWith("ballots")) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.pattern().endsWith("/paper-ballots")
					? "{\"voters\": [], \"yes\": 0}" : "{\"choice\": \"YES\"}");
		}
		else if (row.pattern().endsWith("/receipt-check")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"code\": \"ABCD-2345\"}");
		}
		else if (row.pattern().endsWith("/overrule")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"ground\": \"SAFETY\", \"reason\": \"matrix\"}");
		}
		else if (row.pattern().endsWith("/completion")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"date\": \"2026-11-02\", \"outcome\": \"DONE\"}");
		}
		else if (row.pattern().endsWith("/minutes") && row.method() == HttpMethod.PUT) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"Matrix minutes\", \"basedOn\": 0}");
		}
		else if (row.pattern().endsWith("/minutes/approval")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"atMeetingId\": \"" + UUID.randomUUID() + "\"}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().endsWith("/agenda-order")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"order\": []}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().equals("/api/v1/meeting-settings")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"meetingDay\": \"THURSDAY\", \"meetingTime\": \"18:30\", "
					+ "\"quorumPercent\": 0, \"officerTermWeeks\": 4, \"officerTermLimit\": 2}");
		}
		else if (row.pattern().endsWith("/job-preferences") || row.pattern().startsWith("/api/v1/job-assignments/")) {
			// the work (roster) body is set above
		}
		else if (row.pattern().startsWith("/api/v1/jobs")) {
			request.contentType(MediaType.APPLICATION_JSON).content(MATRIX_JOB);
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().equals("/api/v1/stipend-settings")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"currency\": \"USD\", \"weeklyCapCents\": 10000, "
					+ "\"payoutCapCents\": 5000, \"incentiveYearlyCapCents\": 75000, \"pointValueCents\": 10}");
		}
		else if (row.method() == HttpMethod.PUT && users) {
			String etag = "\"" + accounts.find(account).orElseThrow().version() + "\"";
			request.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
				.content("{\"displayName\": \"Matrix " + unique + "\", \"roles\": [\"STAFF\"], \"houseIds\": []}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().startsWith("/api/v1/residents/{id}/plan/reviews/")) {
			request.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(
					row.pattern().endsWith("/resident-comment") ? "{\"comment\": \"matrix\"}" : "{\"ratings\": []}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().equals("/api/v1/plan-templates/{id}")) {
			request.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"Matrix "
					+ unique + "\", \"area\": \"ASAM2_BIOMEDICAL\", \"problemText\": \"matrix\"}");
		}
		else if (row.pattern().startsWith("/api/v1/session") && row.method() != HttpMethod.GET
				&& !row.pattern().contains("/note") && !row.pattern().contains("/attendance")) {
			request.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(
					row.pattern().endsWith("/move") ? "{\"movedOn\": \"2027-01-05\", \"movedAt\": \"10:00\"}"
							: row.pattern().endsWith("/retire") ? "{\"retired\": true}"
									: row.pattern().equals("/api/v1/session-types") ? "{\"name\": \" \"}"
											: row.pattern().equals("/api/v1/session-types/{id}") ? "{\"durationMinutes\": 3}"
													: row.pattern().equals("/api/v1/sessions") ? "{\"title\": \"matrix\"}"
															: "{\"reason\": \"matrix\"}");
		}
		else if (row.pattern().startsWith("/api/v1/plan-settings") && row.method() != HttpMethod.GET) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.pattern().equals("/api/v1/plan-settings")
					? "{\"initialPlanDays\": 0, \"reviewIntervalDays\": 30}" : "{\"name\": \" \"}");
		}
		else if (row.pattern().startsWith("/api/v1/houses/{houseId}/groups") && row.method() != HttpMethod.GET) {
			request.contentType(MediaType.APPLICATION_JSON).content(row.pattern().endsWith("/settings")
					? "{\"minSize\": 0, \"maxSize\": 10, \"structuredGroups\": 1}" : "{}");
		}
		else if (row.pattern().endsWith("/plan/review-interval")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"days\": 0, \"reason\": \"matrix\"}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().startsWith("/api/v1/residents/{id}/plan/")) {
			request.header("If-Match", "\"0\"").contentType(MediaType.APPLICATION_JSON).content(
					row.pattern().contains("/own-words") ? "{\"text\": \"matrix\"}" : "{\"startsOn\": \"2026-12-01\", \"items\": []}");
		}
		else if (row.pattern().startsWith("/api/v1/sessions/{id}/occurrences/{date}/note")) {
			request.contentType(MediaType.APPLICATION_JSON)
				.content(row.method() == HttpMethod.POST ? "{\"text\": \"matrix\"}" : "{}");
		}
		else if (row.method() == HttpMethod.PUT && row.pattern().startsWith("/api/v1/sessions/{id}/occurrences/")) {
			request.contentType(MediaType.APPLICATION_JSON).content("{\"status\": \"PRESENT\"}");
		}
		else if (row.method() == HttpMethod.PUT) {
			String etag = "\"" + houses.find(signIns.user("director").programId(), house).version() + "\"";
			request.header("If-Match", etag).contentType(MediaType.APPLICATION_JSON)
				.content("{\"name\": \"Matrix " + unique + "\", \"kind\": \"MIXED\"}");
		}
		return request;
	}
}
