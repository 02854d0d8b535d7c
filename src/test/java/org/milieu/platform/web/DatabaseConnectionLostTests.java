package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;

/**
 * When PostgreSQL ends a request's connection under it (the server killed, restarted or shut down
 * while the request runs a statement), the request answers 503 with Retry-After, as when no
 * connection could be had at all: a problem document on the API, a short page otherwise. Never
 * 500, whatever Spring or the driver wrapped the failure in. The failure here is real: the request
 * runs its statement on a connection whose server process another session has terminated.
 */
@MilieuWebTest
class DatabaseConnectionLostTests {

	@Autowired
	DataSource dataSource;

	@Autowired
	ApiProblemAdvice apiAdvice;

	@Autowired
	ProblemResponses problems;

	@Autowired
	MessageSource messages;

	private Connection doomed;

	private MockMvc mvc;

	@BeforeEach
	void aConnectionWhoseServerProcessIsTerminated() throws SQLException {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		doomed = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
		int pid = new JdbcTemplate(new SingleConnectionDataSource(doomed, true))
			.queryForObject("select pg_backend_pid()", Integer.class);
		try (Connection other = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			Boolean terminated = new JdbcTemplate(new SingleConnectionDataSource(other, true))
				.queryForObject("select pg_terminate_backend(?, 5000)", Boolean.class, pid);
			assertThat(terminated).as("the server process was ended").isTrue();
		}
		JdbcTemplate onDoomed = new JdbcTemplate(new SingleConnectionDataSource(doomed, true));
		mvc = MockMvcBuilders.standaloneSetup(new LostApi(onDoomed), new LostPage(onDoomed))
			.setControllerAdvice(apiAdvice)
			.addFilters(new DatabaseUnavailableFilter(problems, messages, new FixedLocaleResolver(Locale.ENGLISH)))
			.build();
	}

	@AfterEach
	void close() throws SQLException {
		doomed.close();
	}

	@Test
	void anApiRequestWhoseConnectionTheServerEndedAnswers503ProblemWithRetryAfter() throws Exception {
		mvc.perform(get("/api/v1/lost").accept("application/json"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.type").value("urn:milieu:problem:unavailable"))
			.andExpect(jsonPath("$.status").value(503));
	}

	@Test
	void aPageWhoseConnectionTheServerEndedAnswersThe503PageWithRetryAfter() throws Exception {
		mvc.perform(get("/lost").accept("text/html"))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsString())
				.contains(messages.getMessage("error.503.heading", null, Locale.ENGLISH)));
	}

	@Test
	void theDriversFailureOnAnEndedConnectionIsToldApartFromAStatementThatFailed() throws SQLException {
		Throwable lost = catchThrowable(() -> new JdbcTemplate(new SingleConnectionDataSource(doomed, true))
			.queryForObject("select 1", Integer.class));
		assertThat(DatabaseUnavailable.causedBy(lost)).as("%s", lost).isTrue();

		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		try (Connection fine = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(fine, true));
			Throwable badStatement = catchThrowable(() -> jdbc.queryForObject("select 1 / 0", Integer.class));
			assertThat(DatabaseUnavailable.causedBy(badStatement)).as("%s", badStatement).isFalse();
			jdbc.execute("set statement_timeout = 50");
			Throwable timedOut = catchThrowable(() -> jdbc.execute("select pg_sleep(1)"));
			assertThat(DatabaseUnavailable.causedBy(timedOut)).as("a statement timeout (57014): %s", timedOut).isFalse();
		}
	}

	@Test
	void aCommitOnAConnectionThePoolEvictedIsToldAsALostConnection() throws SQLException {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		try (HikariDataSource small = new HikariDataSource()) {
			small.setJdbcUrl(pool.getJdbcUrl());
			small.setUsername(pool.getUsername());
			small.setPassword(pool.getPassword());
			small.setMaximumPoolSize(1);
			try (Connection pooled = small.getConnection()) {
				pooled.setAutoCommit(false);
				JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(pooled, true));
				int pid = jdbc.queryForObject("select pg_backend_pid()", Integer.class);
				new JdbcTemplate(dataSource).queryForObject("select pg_terminate_backend(?, 5000)", Boolean.class, pid);
				Throwable statement = catchThrowable(() -> jdbc.queryForObject("select 1", Integer.class));
				assertThat(DatabaseUnavailable.causedBy(statement)).as("%s", statement).isTrue();
				// the pool has evicted the connection: the rollback that follows fails with no SQLState
				Throwable rollback = catchThrowable(pooled::rollback);
				assertThat(rollback).isInstanceOf(SQLException.class);
				assertThat(DatabaseUnavailable.causedBy(rollback)).as("%s", rollback).isTrue();
			}
		}
	}

	@RestController
	static class LostApi {

		private final JdbcTemplate jdbc;

		LostApi(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/api/v1/lost")
		Integer lost() {
			return jdbc.queryForObject("select count(*) from residents_resident", Integer.class);
		}
	}

	@Controller
	static class LostPage {

		private final JdbcTemplate jdbc;

		LostPage(JdbcTemplate jdbc) {
			this.jdbc = jdbc;
		}

		@GetMapping("/lost")
		String lost() {
			jdbc.queryForObject("select count(*) from residents_resident", Integer.class);
			return "home";
		}
	}
}
