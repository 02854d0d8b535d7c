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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;

/**
 * Ballots cast at the same instant: thirty residents in the same second are each counted once and
 * none is lost; one resident casting several times at once is counted once.
 */
@MilieuWebTest
class BallotConcurrencyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	final JsonMapper json = JsonMapper.builder().build();

	@Test
	void thirtyBallotsCastAtOnceAreEachCountedOnce() throws Exception {
		List<String> voters = presentVoters();
		UUID motion = secondedSecretMotion(voters);
		ExecutorService pool = Executors.newFixedThreadPool(voters.size());
		CountDownLatch ready = new CountDownLatch(voters.size());
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> casts = new ArrayList<>();
		try {
			for (int i = 0; i < voters.size(); i++) {
				String voter = voters.get(i);
				String choice = i % 3 == 0 ? "NO" : i % 5 == 0 ? "ABSTAIN" : "YES";
				casts.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return mvc.perform(post("/api/v1/motions/" + motion + "/ballots").with(signIns.as(voter)).with(csrf())
						.contentType(MediaType.APPLICATION_JSON).content("{\"choice\": \"" + choice + "\"}"))
						.andReturn().getResponse();
				}));
			}
			ready.await();
			go.countDown();
			Set<String> receipts = new HashSet<>();
			for (Future<MockHttpServletResponse> cast : casts) {
				MockHttpServletResponse response = cast.get();
				assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
				receipts.add(json.readTree(response.getContentAsString()).get("code").asString());
			}
			assertThat(receipts).hasSize(30);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from government_ballot_voter where motion_id = ?").param(motion)
			.query(Integer.class).single()).isEqualTo(30);
		assertThat(jdbc.sql("select count(*) from government_ballot where motion_id = ?").param(motion)
			.query(Integer.class).single()).isEqualTo(30);
		long no = java.util.stream.IntStream.range(0, 30).filter(i -> i % 3 == 0).count();
		long abstain = java.util.stream.IntStream.range(0, 30).filter(i -> i % 3 != 0 && i % 5 == 0).count();
		mvc.perform(post("/api/v1/motions/" + motion + "/close").with(signIns.as("staff")).with(csrf()))
			.andExpect(status().isOk());
		mvc.perform(get("/api/v1/motions/" + motion + "/result").with(signIns.as("director"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.no").value((int) no)).andExpect(jsonPath("$.abstain").value((int) abstain))
			.andExpect(jsonPath("$.yes").value((int) (30 - no - abstain)));
	}

	/**
	 * Promise: a resident who casts the same vote twice at once (a double tap, a retry while the
	 * first is still on its way) is counted once: one cast is recorded, the others are refused with
	 * 422 naming {@code voter}, and the motion holds one ballot and one voter mark.
	 */
	@Test
	void oneResidentCastingEightTimesAtOnceIsCountedOnce() throws Exception {
		List<String> voters = presentVoters();
		UUID motion = secondedSecretMotion(voters);
		String voter = voters.get(2);
		int casts = 8;
		ExecutorService pool = Executors.newFixedThreadPool(casts);
		CountDownLatch ready = new CountDownLatch(casts);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < casts; i++) {
				answers.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return mvc.perform(post("/api/v1/motions/" + motion + "/ballots").with(signIns.as(voter)).with(csrf())
						.contentType(MediaType.APPLICATION_JSON).content("{\"choice\": \"YES\"}"))
						.andReturn().getResponse();
				}));
			}
			ready.await();
			go.countDown();
			int recorded = 0;
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get();
				if (response.getStatus() == 201) {
					recorded++;
				}
				else {
					assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(422);
					assertThat(json.readTree(response.getContentAsString()).get("errors").get(0).get("field").asString())
						.isEqualTo("voter");
				}
			}
			assertThat(recorded).as("casts recorded").isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(jdbc.sql("select count(*) from government_ballot_voter where motion_id = ?").param(motion)
			.query(Integer.class).single()).isEqualTo(1);
		assertThat(jdbc.sql("select count(*) from government_ballot where motion_id = ?").param(motion)
			.query(Integer.class).single()).isEqualTo(1);
	}

	/** Thirty residents of the demo program who live in a house today and can sign in. */
	private List<String> presentVoters() {
		List<String> voters = new ArrayList<>();
		for (int i = 1; i <= 32; i++) {
			String username = String.format("resident%02d", i);
			UUID resident = signIns.user(username).residentId();
			if (resident != null && jdbc.sql("select count(*) from residents_stay where resident_id = ? and discharged_on is null").param(resident)
				.query(Integer.class).single() == 1) {
				voters.add(username);
			}
		}
		assertThat(voters).hasSizeGreaterThanOrEqualTo(30);
		return List.copyOf(voters.subList(0, 30));
	}

	/** An open whole-program meeting where everyone living in a house is present, with a seconded secret motion. */
	private UUID secondedSecretMotion(List<String> voters) throws Exception {
		String meetingBody = "{\"kind\": \"AD_HOC\", \"title\": \"Whole program vote\", \"startsAt\": \""
				+ clock.instant().plus(Duration.ofMinutes(20)) + "\"}";
		UUID meeting = UUID.fromString(json.readTree(mvc.perform(post("/api/v1/meetings").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content(meetingBody)).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString()).get("id").asString());
		jdbc.sql("update government_meeting set status = 'OPEN' where id = ?").param(meeting).update();
		// everyone living in a house today is present (other tests admit residents without a sign-in), so the quorum holds
		String present = jdbc.sql("select s.resident_id from residents_stay s join residents_resident r on r.id = s.resident_id "
				+ "where s.discharged_on is null and r.program_id = ?").param(signIns.user("staff").programId().value())
			.query(UUID.class).list().stream().map(id -> "\"" + id + "\"").collect(Collectors.joining(", "));
		mvc.perform(post("/api/v1/meetings/" + meeting + "/attendance").with(signIns.as("staff")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"present\": [" + present + "]}"))
			.andExpect(status().is2xxSuccessful());
		UUID motion = UUID.fromString(json.readTree(mvc.perform(post("/api/v1/meetings/" + meeting + "/motions")
			.with(signIns.as(voters.get(0))).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ORDINARY\", \"text\": \"A garden day for the whole program\", \"secret\": true}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asString());
		mvc.perform(post("/api/v1/motions/" + motion + "/second").with(signIns.as(voters.get(1))).with(csrf()))
			.andExpect(status().isOk());
		return motion;
	}
}
