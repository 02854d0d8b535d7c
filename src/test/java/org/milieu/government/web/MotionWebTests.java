package org.milieu.government.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.levels.privileges.LevelPrivileges;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Motions, ballots and their results over JSON: the whole path of a vote, the thresholds, secret
 * ballots and receipts, paper ballots, overrules, house rules, elections, and every refusal, each
 * leaving the record as it was.
 */
@MilieuWebTest
class MotionWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	LevelPrivileges privileges;

	final JsonMapper json = JsonMapper.builder().build();

	/** The usernames of resident01's housemates (resident01 first), all living in the house today. */
	List<String> house = new ArrayList<>();

	UUID houseId;

	@BeforeEach
	void housemates() {
		houseId = jdbc.sql("select house_id from residents_stay where resident_id = ? and discharged_on is null")
			.param(signIns.user("resident01").residentId()).query(UUID.class).single();
		house.clear();
		for (int i = 1; i <= 32; i++) {
			String username = String.format("resident%02d", i);
			UUID resident = signIns.user(username).residentId();
			if (resident != null && jdbc.sql("select count(*) from residents_stay where resident_id = ? and house_id = ? "
					+ "and discharged_on is null").params(resident, houseId).query(Integer.class).single() == 1) {
				house.add(username);
			}
		}
		assertThat(house.size()).isGreaterThan(10);
	}

	UUID resident(String username) {
		return signIns.user(username).residentId();
	}

	ResultActions post(String path, String who, String body) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
			.with(signIns.as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	JsonNode body(ResultActions result) throws Exception {
		return json.readTree(result.andReturn().getResponse().getContentAsString());
	}

	/** A meeting of resident01's house (or of the whole program), under way, with these residents present. */
	UUID openMeeting(boolean wholeProgram, List<String> present) throws Exception {
		String body = "{" + (wholeProgram ? "" : "\"houseId\": \"" + houseId + "\", ") + "\"kind\": \"AD_HOC\", "
				+ "\"title\": \"Vote test\", \"startsAt\": \"" + clock.instant().plus(Duration.ofMinutes(30)) + "\"}";
		UUID meeting = UUID.fromString(body(post("/api/v1/meetings", "staff", body).andExpect(status().isCreated()))
			.get("id").asString());
		post("/api/v1/meetings/" + meeting + "/open", "staff", "{}").andExpect(status().isOk());
		attend(meeting, present);
		return meeting;
	}

	/** Marks these residents present, with the housemates other tests admitted without a sign-in (for the quorum). */
	void attend(UUID meeting, List<String> present) throws Exception {
		List<UUID> ids = new ArrayList<>(present.stream().map(this::resident).toList());
		ids.addAll(withoutSignIn());
		attendExactly(meeting, ids);
	}

	List<UUID> withoutSignIn() {
		return jdbc.sql("select s.resident_id from residents_stay s where s.house_id = ? and s.discharged_on is null "
				+ "and not exists (select 1 from identity_account a where a.resident_id = s.resident_id)").param(houseId)
			.query(UUID.class).list();
	}

	void attendExactly(UUID meeting, List<UUID> present) throws Exception {
		String ids = present.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
		post("/api/v1/meetings/" + meeting + "/attendance", "director", "{\"present\": [" + ids + "]}")
			.andExpect(status().is2xxSuccessful());
	}

	UUID move(UUID meeting, String who, String body) throws Exception {
		return UUID.fromString(body(post("/api/v1/meetings/" + meeting + "/motions", who, body)
			.andExpect(status().isCreated())).get("id").asString());
	}

	UUID seconded(UUID meeting, String text) throws Exception {
		UUID motion = move(meeting, house.get(0), "{\"kind\": \"ORDINARY\", \"text\": \"" + text + "\"}");
		post("/api/v1/motions/" + motion + "/second", house.get(1), "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("VOTING"));
		return motion;
	}

	ResultActions vote(UUID motion, String who, String choice) throws Exception {
		return post("/api/v1/motions/" + motion + "/ballots", who, "{\"choice\": \"" + choice + "\"}");
	}

	int ballots(UUID motion) {
		return jdbc.sql("select count(*) from government_ballot where motion_id = ?").param(motion).query(Integer.class)
			.single();
	}

	@Test
	void aMotionIsMovedSecondedVotedAndItsResultKnownOnlyWhenClosed() throws Exception {
		UUID meeting = openMeeting(false, house);
		UUID motion = move(meeting, house.get(0), "{\"kind\": \"ORDINARY\", \"text\": \"Quiet hours start at 22:00 on Fridays.\"}");
		mvc.perform(get("/api/v1/motions/" + motion).with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("MOVED")).andExpect(jsonPath("$.movedByResident").value(resident(house.get(0)).toString()));
		post("/api/v1/motions/" + motion + "/second", house.get(1), "{}").andExpect(status().isOk());
		for (int i = 0; i < 5; i++) {
			vote(motion, house.get(i), "YES").andExpect(status().isCreated())
				.andExpect(jsonPath("$.code").value(Matchers.matchesPattern("[A-Z2-9]{4}-[A-Z2-9]{4}")));
		}
		vote(motion, house.get(5), "NO").andExpect(status().isCreated());
		vote(motion, house.get(6), "NO").andExpect(status().isCreated());
		vote(motion, house.get(7), "ABSTAIN").andExpect(status().isCreated());

		for (String who : List.of("director", "clinician", "staff", house.get(0))) {
			mvc.perform(get("/api/v1/motions/" + motion + "/result").with(signIns.as(who))).andExpect(status().isConflict())
				.andExpect(jsonPath("$.type").value("urn:milieu:problem:state-conflict"));
			mvc.perform(get("/api/v1/motions/" + motion).with(signIns.as(who))).andExpect(status().isOk())
				.andExpect(jsonPath("$.ballotsCast").value(8)).andExpect(jsonPath("$.result").value(Matchers.nullValue()));
		}

		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));
		mvc.perform(get("/api/v1/motions/" + motion + "/result").with(signIns.as(house.get(3)))).andExpect(status().isOk())
			.andExpect(jsonPath("$.yes").value(5)).andExpect(jsonPath("$.no").value(2))
			.andExpect(jsonPath("$.abstain").value(1)).andExpect(jsonPath("$.carried").value(true))
			.andExpect(jsonPath("$.votes.length()").value(8));
	}

	@Test
	void aBallotIsRefusedWhenItShouldNotCountAndNothingIsStored() throws Exception {
		List<String> present = house.subList(0, house.size() - 1);
		String absent = house.get(house.size() - 1);
		UUID meeting = openMeeting(false, present);
		UUID motion = move(meeting, house.get(0), "{\"kind\": \"ORDINARY\", \"text\": \"A film night every second Saturday.\"}");

		vote(motion, house.get(2), "YES").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		post("/api/v1/motions/" + motion + "/second", house.get(0), "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("secondedBy"));
		post("/api/v1/motions/" + motion + "/second", "staff", "{}").andExpect(status().isForbidden());
		post("/api/v1/motions/" + motion + "/second", absent, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("secondedBy"));
		post("/api/v1/motions/" + motion + "/second", house.get(1), "{}").andExpect(status().isOk());

		vote(motion, absent, "YES").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("voter"));
		vote(motion, "staff", "YES").andExpect(status().isForbidden());
		String otherHouse = otherHouseResident();
		vote(motion, otherHouse, "YES").andExpect(status().isForbidden());
		vote(motion, house.get(2), "MAYBE").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("choice"));
		assertThat(ballots(motion)).isZero();

		vote(motion, house.get(2), "YES").andExpect(status().isCreated());
		vote(motion, house.get(2), "NO").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("voter"));
		assertThat(ballots(motion)).isEqualTo(1);

		attendExactly(meeting, house.subList(0, 3).stream().map(this::resident).toList());
		vote(motion, house.get(1), "YES").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("quorum"));
		assertThat(ballots(motion)).isEqualTo(1);

		attend(meeting, present);
		post("/api/v1/motions/" + motion + "/close", notChair(), "{}").andExpect(status().isForbidden());
		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isOk());
		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		vote(motion, house.get(4), "YES").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("id"));
		assertThat(ballots(motion)).isEqualTo(1);
	}

	@Test
	void motionsAreMovedByResidentsPresentAtAMeetingUnderWay() throws Exception {
		UUID meeting = openMeeting(false, house.subList(1, house.size()));
		int before = jdbc.sql("select count(*) from government_motion").query(Integer.class).single();
		post("/api/v1/meetings/" + meeting + "/motions", "staff", "{\"kind\": \"ORDINARY\", \"text\": \"Staff idea\"}")
			.andExpect(status().isForbidden());
		post("/api/v1/meetings/" + meeting + "/motions", house.get(0), "{\"kind\": \"ORDINARY\", \"text\": \"Absent idea\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("movedBy"));
		post("/api/v1/meetings/" + meeting + "/motions", house.get(1), "{\"kind\": \"ORDINARY\", \"text\": \" \"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("text"));
		post("/api/v1/meetings/" + meeting + "/motions", house.get(1), "{\"kind\": \"VETO\", \"text\": \"x\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kind"));
		post("/api/v1/meetings/" + meeting + "/motions", house.get(1), "{\"kind\": \"RULE_CHANGE\", \"text\": \"New rule\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("ruleTitle"));
		jdbc.sql("update government_meeting set status = 'SCHEDULED' where id = ?").param(meeting).update();
		post("/api/v1/meetings/" + meeting + "/motions", house.get(1), "{\"kind\": \"ORDINARY\", \"text\": \"Too early\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(jdbc.sql("select count(*) from government_motion").query(Integer.class).single()).isEqualTo(before);
	}

	@Test
	void aRuleChangeNeedsTwoThirdsAndChangesTheHouseRulesUntilOverruled() throws Exception {
		UUID meeting = openMeeting(false, house);
		String title = "Laundry rota " + UUID.randomUUID().toString().substring(0, 6);
		UUID motion = move(meeting, house.get(0), "{\"kind\": \"RULE_CHANGE\", \"text\": \"Adopt a laundry rota\", "
				+ "\"ruleTitle\": \"" + title + "\", \"ruleText\": \"Each room has a laundry day.\"}");
		post("/api/v1/motions/" + motion + "/second", house.get(1), "{}").andExpect(status().isOk());
		for (int i = 0; i < 6; i++) {
			vote(motion, house.get(i), "YES").andExpect(status().isCreated());
		}
		for (int i = 6; i < 9; i++) {
			vote(motion, house.get(i), "NO").andExpect(status().isCreated());
		}
		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.outcome").value("CARRIED"));
		JsonNode rule = rule(title);
		assertThat(rule.get("text").asString()).isEqualTo("Each room has a laundry day.");
		assertThat(rule.get("motionId").asString()).isEqualTo(motion.toString());

		UUID amendment = move(meeting, house.get(2), "{\"kind\": \"RULE_CHANGE\", \"text\": \"Two laundry days\", "
				+ "\"ruleId\": \"" + rule.get("id").asString() + "\", \"ruleText\": \"Each room has two laundry days.\"}");
		post("/api/v1/motions/" + amendment + "/second", house.get(3), "{}").andExpect(status().isOk());
		for (int i = 0; i < 5; i++) {
			vote(amendment, house.get(i), "YES").andExpect(status().isCreated());
		}
		for (int i = 5; i < 8; i++) {
			vote(amendment, house.get(i), "NO").andExpect(status().isCreated());
		}
		post("/api/v1/motions/" + amendment + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.outcome").value("FAILED"));
		assertThat(rule(title).get("text").asString()).isEqualTo("Each room has a laundry day.");

		post("/api/v1/motions/" + amendment + "/overrule", "clinician", "{\"ground\": \"SAFETY\", \"reason\": \"x\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
		post("/api/v1/motions/" + motion + "/overrule", "staff", "{\"ground\": \"SAFETY\", \"reason\": \"x\"}")
			.andExpect(status().isForbidden());
		post("/api/v1/motions/" + motion + "/overrule", "clinician", "{\"ground\": \"SAFETY\", \"reason\": \"  \"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("reason"));
		post("/api/v1/motions/" + motion + "/overrule", "clinician", "{\"reason\": \"Fire code\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("ground"));
		assertThat(rule(title)).isNotNull();
		post("/api/v1/motions/" + motion + "/overrule", "clinician",
				"{\"ground\": \"SAFETY\", \"reason\": \"The dryer may run only while staff are on the floor.\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.overrule.ground").value("SAFETY"))
			.andExpect(jsonPath("$.overrule.reason").value("The dryer may run only while staff are on the floor."));
		assertThat(rule(title)).isNull();
		post("/api/v1/motions/" + motion + "/overrule", "director", "{\"ground\": \"LAW\", \"reason\": \"again\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("id"));
	}

	JsonNode rule(String title) throws Exception {
		JsonNode rules = body(mvc.perform(get("/api/v1/house-rules").with(signIns.as(house.get(0)))).andExpect(status().isOk()));
		for (JsonNode rule : rules) {
			if (rule.get("title").asString().equals(title)) {
				return rule;
			}
		}
		return null;
	}

	@Test
	void aSecretBallotKeepsNoLinkToItsVoterYetItsReceiptFindsIt() throws Exception {
		UUID meeting = openMeeting(false, house);
		UUID motion = move(meeting, house.get(0), "{\"kind\": \"ORDINARY\", \"text\": \"Secret question\", \"secret\": true}");
		post("/api/v1/motions/" + motion + "/second", house.get(1), "{}").andExpect(status().isOk());
		String receipt = body(vote(motion, house.get(2), "NO").andExpect(status().isCreated())).get("code").asString();
		vote(motion, house.get(3), "YES").andExpect(status().isCreated());
		assertThat(jdbc.sql("select count(*) from government_ballot where motion_id = ? and voter_resident is not null")
			.param(motion).query(Integer.class).single()).isZero();
		post("/api/v1/motions/" + motion + "/receipt-check", house.get(2), "{\"code\": \"" + receipt.toLowerCase() + "\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.counted").value(true))
			.andExpect(jsonPath("$.choice").value(Matchers.nullValue()));
		post("/api/v1/motions/" + motion + "/receipt-check", house.get(2), "{\"code\": \"AAAA-2222\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.counted").value(false));
		post("/api/v1/motions/" + motion + "/receipt-check", house.get(2), "{\"code\": \"nonsense\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("code"));
		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.outcome").value("TIE")).andExpect(jsonPath("$.result.carried").value(false))
			.andExpect(jsonPath("$.result.votes.length()").value(0));
		post("/api/v1/motions/" + motion + "/receipt-check", house.get(2), "{\"code\": \"" + receipt + "\"}")
			.andExpect(status().isOk()).andExpect(jsonPath("$.choice").value("NO"));
	}

	@Test
	void paperBallotsCountInTheSameVoteAndTheirVotersCannotVoteAgain() throws Exception {
		UUID meeting = openMeeting(false, house);
		UUID motion = seconded(meeting, "Paper and devices together");
		String paperVoters = "\"" + resident(house.get(4)) + "\", \"" + resident(house.get(5)) + "\", \""
				+ resident(house.get(6)) + "\"";
		post("/api/v1/motions/" + motion + "/paper-ballots", "staff", "{\"voters\": [" + paperVoters + "], \"yes\": 1}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("counts"));
		post("/api/v1/motions/" + motion + "/paper-ballots", house.get(0), "{\"voters\": [" + paperVoters + "], \"yes\": 3}")
			.andExpect(status().isForbidden());
		assertThat(ballots(motion)).isZero();
		post("/api/v1/motions/" + motion + "/paper-ballots", "staff", "{\"voters\": [" + paperVoters + "], \"yes\": 2, \"no\": 1}")
			.andExpect(status().isCreated()).andExpect(jsonPath("$.counted").value(3));
		vote(motion, house.get(4), "NO").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("voter"));
		vote(motion, house.get(0), "NO").andExpect(status().isCreated());
		post("/api/v1/motions/" + motion + "/paper-ballots", "staff", "{\"voters\": [\"" + resident(house.get(0)) + "\"], \"yes\": 1}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("voters"));
		post("/api/v1/motions/" + motion + "/close", "staff", "{}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/motions/" + motion + "/result").with(signIns.as("staff"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.yes").value(2)).andExpect(jsonPath("$.no").value(2)).andExpect(jsonPath("$.paper").value(3))
			.andExpect(jsonPath("$.outcome").value("TIE"));
	}

	@Test
	void residentsElectAnEligibleChairWhoThenClosesVotes() throws Exception {
		UUID meeting = openMeeting(false, house);
		UUID sitting = currentChair();
		List<String> eligible = house.stream().filter(u -> privileges.may(signIns.user(u).programId(), resident(u),
				"GOVERNMENT_OFFICE", clock.instant()).allowed() && !resident(u).equals(sitting)).toList();
		List<String> ineligible = house.stream().filter(u -> !eligible.contains(u)).toList();
		assertThat(eligible).hasSizeGreaterThanOrEqualTo(2);
		assertThat(ineligible).isNotEmpty();
		int motions = jdbc.sql("select count(*) from government_motion").query(Integer.class).single();
		post("/api/v1/meetings/" + meeting + "/motions", "staff", "{\"kind\": \"ELECTION\", \"office\": \"CHAIR\", "
				+ "\"text\": \"Chair for the next term\", \"candidates\": [\"" + resident(ineligible.get(0)) + "\"]}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("candidates"));
		post("/api/v1/meetings/" + meeting + "/motions", "staff", "{\"kind\": \"ELECTION\", "
				+ "\"text\": \"Chair for the next term\", \"candidates\": [\"" + resident(eligible.get(0)) + "\"]}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("office"));
		post("/api/v1/meetings/" + meeting + "/motions", house.get(0), "{\"kind\": \"ELECTION\", \"office\": \"CHAIR\", "
				+ "\"text\": \"Chair\", \"candidates\": [\"" + resident(eligible.get(0)) + "\"]}")
			.andExpect(status().isForbidden());
		assertThat(jdbc.sql("select count(*) from government_motion").query(Integer.class).single()).isEqualTo(motions);

		String chair = eligible.get(0);
		String rival = eligible.get(1);
		UUID election = move(meeting, "staff", "{\"kind\": \"ELECTION\", \"office\": \"CHAIR\", \"text\": \"Chair for the next term\", "
				+ "\"candidates\": [\"" + resident(chair) + "\", \"" + resident(rival) + "\"]}");
		mvc.perform(get("/api/v1/motions/" + election).with(signIns.as("staff"))).andExpect(jsonPath("$.status").value("VOTING"))
			.andExpect(jsonPath("$.secret").value(true));
		for (int i = 0; i < 6; i++) {
			post("/api/v1/motions/" + election + "/ballots", house.get(i), "{\"candidateId\": \"" + resident(chair) + "\"}")
				.andExpect(status().isCreated());
		}
		post("/api/v1/motions/" + election + "/ballots", house.get(6), "{\"candidateId\": \"" + resident(ineligible.get(0)) + "\"}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("candidateId"));
		post("/api/v1/motions/" + election + "/ballots", house.get(6), "{\"candidateId\": \"" + resident(rival) + "\"}")
			.andExpect(status().isCreated());
		post("/api/v1/motions/" + election + "/ballots", house.get(7), "{\"choice\": \"ABSTAIN\"}").andExpect(status().isCreated());
		post("/api/v1/motions/" + election + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.outcome").value("CARRIED"))
			.andExpect(jsonPath("$.result.elected").value(resident(chair).toString()))
			.andExpect(jsonPath("$.result.abstain").value(1));
		mvc.perform(get("/api/v1/officers").with(signIns.as(house.get(5)))).andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.office == 'CHAIR' && @.houseId == '" + houseId + "')].residentId")
				.value(Matchers.hasItem(resident(chair).toString())));

		UUID motion = seconded(meeting, "The chair closes this one");
		post("/api/v1/motions/" + motion + "/close", rival, "{}").andExpect(status().isForbidden());
		post("/api/v1/motions/" + motion + "/close", chair, "{}").andExpect(status().isOk());

		UUID reelection = move(meeting, chair, "{\"kind\": \"ELECTION\", \"office\": \"CHAIR\", \"text\": \"Second term\", "
				+ "\"candidates\": [\"" + resident(chair) + "\"]}");
		post("/api/v1/motions/" + reelection + "/ballots", house.get(2), "{\"candidateId\": \"" + resident(chair) + "\"}")
			.andExpect(status().isCreated());
		post("/api/v1/motions/" + reelection + "/close", chair, "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.elected").value(resident(chair).toString()));
		post("/api/v1/meetings/" + meeting + "/motions", "staff", "{\"kind\": \"ELECTION\", \"office\": \"CHAIR\", "
				+ "\"text\": \"Third term\", \"candidates\": [\"" + resident(chair) + "\"]}")
			.andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("candidates"))
			.andExpect(jsonPath("$.detail").value(Matchers.containsString("2")));
	}

	@Test
	void theChairRunsTheMeetingAndTheSecretaryKeepsItsRecord() throws Exception {
		UUID first = openMeeting(false, house);
		UUID sitting = currentChair();
		List<String> eligible = house.stream().filter(u -> privileges.may(signIns.user(u).programId(), resident(u),
				"GOVERNMENT_OFFICE", clock.instant()).allowed() && !resident(u).equals(sitting)).toList();
		String chair = eligible.get(0);
		String secretary = eligible.get(1);
		String member = notChair();
		elect(first, "CHAIR", chair);
		elect(first, "SECRETARY", secretary);

		UUID voting = seconded(first, "Still being voted on");
		UUID unseconded = move(first, house.get(2), "{\"kind\": \"ORDINARY\", \"text\": \"Nobody seconds this\"}");
		post("/api/v1/meetings/" + first + "/close", member, "{}").andExpect(status().isForbidden());
		post("/api/v1/meetings/" + first + "/close", chair, "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("meetingId"));
		assertThat(jdbc.sql("select status from government_meeting where id = ?").param(first).query(String.class).single())
			.isEqualTo("OPEN");
		post("/api/v1/motions/" + voting + "/close", chair, "{}").andExpect(status().isOk());
		post("/api/v1/meetings/" + first + "/close", chair, "{}").andExpect(status().isOk());
		mvc.perform(get("/api/v1/motions/" + unseconded).with(signIns.as(member))).andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.result.outcome").value("LAPSED"));

		String body = "{\"houseId\": \"" + houseId + "\", \"kind\": \"AD_HOC\", \"title\": \"Run by the chair\", "
				+ "\"startsAt\": \"" + clock.instant().plus(Duration.ofMinutes(20)) + "\"}";
		UUID next = UUID.fromString(body(post("/api/v1/meetings", "staff", body).andExpect(status().isCreated())).get("id").asString());
		UUID item = UUID.fromString(body(post("/api/v1/meetings/" + next + "/agenda-items", member,
				"{\"kind\": \"PROBLEM\", \"title\": \"The dryer is broken\"}").andExpect(status().isCreated())).get("id").asString());
		UUID second = UUID.fromString(body(post("/api/v1/meetings/" + next + "/agenda-items", "staff",
				"{\"kind\": \"ANNOUNCEMENT\", \"title\": \"New menu\"}").andExpect(status().isCreated())).get("id").asString());
		post("/api/v1/meetings/" + next + "/open", member, "{}").andExpect(status().isForbidden());
		post("/api/v1/meetings/" + next + "/open", chair, "{}").andExpect(status().isOk());
		List<UUID> all = new ArrayList<>(house.stream().map(this::resident).toList());
		all.addAll(withoutSignIn());
		String everyone = all.stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
		post("/api/v1/meetings/" + next + "/attendance", member, "{\"present\": [" + everyone + "]}").andExpect(status().isForbidden());
		post("/api/v1/meetings/" + next + "/attendance", chair, "{\"present\": [" + everyone + "]}").andExpect(status().isOk());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/meetings/" + next + "/agenda-order")
			.with(signIns.as(chair)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"order\": [\"" + second + "\", \"" + item + "\"]}")).andExpect(status().isOk());
		post("/api/v1/agenda-items/" + item + "/notes", member, "{\"notes\": \"Mine\"}").andExpect(status().isForbidden());
		post("/api/v1/agenda-items/" + item + "/notes", secretary, "{\"notes\": \"Staff will call the repair service.\", "
				+ "\"discussed\": true}").andExpect(status().isOk());
		String action = "{\"title\": \"Call the repair service\", \"ownerResidentId\": \"" + resident(member) + "\", \"dueOn\": \""
				+ clock.instant().plus(Duration.ofDays(7)).atZone(java.time.ZoneOffset.UTC).toLocalDate() + "\"}";
		post("/api/v1/meetings/" + next + "/action-items", member, action).andExpect(status().isForbidden());
		post("/api/v1/meetings/" + next + "/action-items", secretary, action).andExpect(status().isCreated());
	}

	void elect(UUID meeting, String office, String candidate) throws Exception {
		UUID election = move(meeting, "staff", "{\"kind\": \"ELECTION\", \"office\": \"" + office + "\", \"text\": \"Election\", "
				+ "\"candidates\": [\"" + resident(candidate) + "\"]}");
		post("/api/v1/motions/" + election + "/ballots", house.get(0), "{\"candidateId\": \"" + resident(candidate) + "\"}")
			.andExpect(status().isCreated());
		post("/api/v1/motions/" + election + "/close", "staff", "{}").andExpect(status().isOk())
			.andExpect(jsonPath("$.result.elected").value(resident(candidate).toString()));
	}

	UUID currentChair() {
		return jdbc.sql("select o.resident_id from government_officer o join government_motion m on m.id = o.motion_id "
				+ "where o.house_id = ? and o.office = 'CHAIR' and m.overruled_at is null and o.starts_on <= current_date "
				+ "and o.ends_on > current_date").param(houseId).query(UUID.class).optional().orElse(null);
	}

	/** A housemate who cannot be the chair: without the privilege to hold office. */
	String notChair() {
		return house.stream().filter(u -> !privileges.may(signIns.user(u).programId(), resident(u), "GOVERNMENT_OFFICE",
				clock.instant()).allowed()).findFirst().orElseThrow();
	}

	String otherHouseResident() {
		for (int i = 1; i <= 32; i++) {
			String username = String.format("resident%02d", i);
			UUID resident = signIns.user(username).residentId();
			if (resident != null && !house.contains(username) && jdbc.sql("select count(*) from residents_stay "
					+ "where resident_id = ? and discharged_on is null").param(resident).query(Integer.class).single() == 1) {
				return username;
			}
		}
		throw new IllegalStateException("no resident of another house");
	}
}
