package org.milieu.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Refusals under load: a refused read is audited without ever holding one pooled connection while
 * it waits for another, so many more refusals at once than the pool has connections all finish in
 * seconds (a request that truly finds the pool empty: {@code PoolExhaustionHttpTests}).
 */
@MilieuWebTest
class ConnectionPoolTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Test
	void fourTimesThePoolOfConcurrentRefusalsAllFinishInSecondsEachAuditedAndNoThreadHoldsTwoConnections()
			throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		int requests = pool.getMaximumPoolSize() * 4;
		// resident01 lives in Bayview House; staff2 works in Linden House only
		UUID bayviewResident = signIns.user("resident01").residentId();
		// one refusal first, so a first run in a fresh JVM times the refusals, not the loading of their code
		mvc.perform(get("/api/v1/residents/" + bayviewResident).with(signIns.as("staff2"))).andExpect(status().isForbidden());
		long deniedBefore = denials(bayviewResident);
		int violationsBefore = OneConnectionPerThread.violations().size();

		ExecutorService threads = Executors.newFixedThreadPool(requests);
		CountDownLatch ready = new CountDownLatch(requests);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<MockHttpServletResponse>> answers = new ArrayList<>();
		long started;
		try {
			for (int i = 0; i < requests; i++) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return mvc.perform(get("/api/v1/residents/" + bayviewResident).with(signIns.as("staff2")))
						.andReturn().getResponse();
				}));
			}
			ready.await();
			started = System.nanoTime();
			go.countDown();
			for (Future<MockHttpServletResponse> answer : answers) {
				MockHttpServletResponse response = answer.get(20, TimeUnit.SECONDS);
				assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(403);
			}
		}
		finally {
			threads.shutdownNow();
		}
		long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
		// the pool waits 3 s for a connection: a freeze would show as 503s or 500s, or take far longer
		assertThat(seconds).as("seconds for %d concurrent refusals", requests).isLessThan(10);
		assertThat(denials(bayviewResident)).isEqualTo(deniedBefore + requests);
		assertThat(OneConnectionPerThread.violations().subList(violationsBefore, OneConnectionPerThread.violations().size()))
			.as("threads that asked for a second connection while holding one").isEmpty();
		assertThat(pool.getHikariPoolMXBean().getThreadsAwaitingConnection()).isZero();
	}

	private long denials(UUID resident) {
		return jdbc.sql("select count(*) from audit_record where resident_id = ? and action = 'ACCESS_DENIED'")
			.param(resident).query(Long.class).single();
	}
}
