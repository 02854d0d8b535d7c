package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.milieu.identity.HttpSignIns;
import org.milieu.platform.Transactions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A slow statement: every pooled connection carries PostgreSQL's {@code statement_timeout} for
 * requests (5 s), so a request whose statement runs longer, here because another transaction holds
 * the lock it waits on, is cancelled by the server and answers 503 with Retry-After and the problem
 * type {@code timed-out} (a short page for people), never a 500 and never a wait without end; it
 * changed nothing, and the pool serves on with every connection healthy. Scheduled jobs and
 * {@code @LongRunning} requests get the long-work limit, for their own transactions only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatementTimeoutHttpTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Transactions transactions;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	TaskScheduler scheduler;

	@Test
	void anEditWaitingPastTheLimitOnALockedHouseAnswers503TimedOutChangesNothingAndThePoolServesOn() throws Exception {
		HttpClient director = HttpSignIns.signedIn(port, "director");
		String csrf = csrf(director);
		HttpResponse<String> founded = director.send(write("/api/v1/houses", csrf)
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + uniqueName() + "\", \"kind\": \"MIXED\", \"beds\": 1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(founded.statusCode()).as(founded.body()).isEqualTo(201);
		String location = founded.headers().firstValue("Location").orElseThrow();
		String etag = founded.headers().firstValue("ETag").orElseThrow();
		UUID house = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
		String name = storedName(house);
		String renamed = uniqueName();

		HttpResponse<String> answer;
		long millis;
		try (Connection stuck = dataSource.getConnection()) {
			// another transaction holds the house's row and does not let go, as a stuck client would
			stuck.setAutoCommit(false);
			try (Statement lock = stuck.createStatement()) {
				lock.execute("select 1 from residents_house where id = '" + house + "' for update");
			}
			long started = System.nanoTime();
			answer = director.send(write(location, csrf).header("If-Match", etag)
				.PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + renamed + "\", \"kind\": \"MIXED\"}")).build(),
					HttpResponse.BodyHandlers.ofString());
			millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
			stuck.rollback();
		}
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		assertThat(answer.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(answer.body()).contains("\"type\":\"urn:milieu:problem:timed-out\"").contains("took longer")
			.doesNotContain("Exception").doesNotContain("statement_timeout");
		assertThat(millis).as("milliseconds until the answer: the limit, not forever").isBetween(4_000L, 20_000L);
		assertThat(storedName(house)).as("the timed-out edit changed nothing").isEqualTo(name);

		everyPooledConnectionAnswersWithTheRequestLimit();
		HttpResponse<String> again = director.send(write(location, csrf).header("If-Match", etag)
			.PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"" + renamed + "\", \"kind\": \"MIXED\"}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as("the same edit once the lock is gone: " + again.body()).isEqualTo(200);
		assertThat(storedName(house)).isEqualTo(renamed);
	}

	@Test
	void aPageWaitingPastTheLimitOnALockedTableAnswersTheBusyPageWith503() throws Exception {
		HttpClient staff = HttpSignIns.signedIn(port, "director");
		HttpResponse<String> page;
		try (Connection stuck = dataSource.getConnection()) {
			stuck.setAutoCommit(false);
			try (Statement lock = stuck.createStatement()) {
				lock.execute("lock table residents_house in access exclusive mode");
			}
			page = staff.send(HttpSignIns.request(port, "/houses").header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
			stuck.rollback();
		}
		assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(page.body()).contains("took longer than Milieu allows").doesNotContain("Exception");
		HttpResponse<String> again = staff.send(HttpSignIns.request(port, "/houses").header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).isEqualTo(200);
	}

	@Test
	void longWorkRaisesTheLimitForItsOwnTransactionsOnly() {
		assertThat(statementTimeoutInATransaction()).as("a request's transaction").isEqualTo("5s");
		transactions.beginLongWork();
		try {
			assertThat(statementTimeoutInATransaction()).as("long work's transaction").isEqualTo("10min");
		}
		finally {
			transactions.endLongWork();
		}
		assertThat(statementTimeoutInATransaction()).as("after the long work, on the same pool").isEqualTo("5s");
		String open = transaction.execute(tx -> {
			transactions.beginLongWork();
			try {
				return jdbc.sql("show statement_timeout").query(String.class).single();
			}
			finally {
				transactions.endLongWork();
			}
		});
		assertThat(open).as("a transaction already open when long work begins").isEqualTo("10min");
	}

	@Test
	void aScheduledJobRunsWithTheLongWorkLimit() throws Exception {
		CompletableFuture<String> seen = new CompletableFuture<>();
		scheduler.schedule(() -> {
			try {
				seen.complete(statementTimeoutInATransaction());
			}
			catch (RuntimeException ex) {
				seen.completeExceptionally(ex);
			}
		}, scheduler.getClock().instant());
		assertThat(seen.get(30, TimeUnit.SECONDS)).isEqualTo("10min");
		assertThat(statementTimeoutInATransaction()).as("this thread, not a job").isEqualTo("5s");
	}

	private String statementTimeoutInATransaction() {
		return transaction.execute(tx -> jdbc.sql("show statement_timeout").query(String.class).single());
	}

	/** Takes every connection of the pool at once: each one works and carries the request limit. */
	private void everyPooledConnectionAnswersWithTheRequestLimit() throws Exception {
		HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
		List<Connection> taken = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				taken.add(pool.getConnection());
			}
			for (Connection c : taken) {
				try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show statement_timeout")) {
					assertThat(rs.next()).isTrue();
					assertThat(rs.getString(1)).isEqualTo("5s");
				}
			}
		}
		finally {
			for (Connection c : taken) {
				c.close();
			}
		}
	}

	private String storedName(UUID house) {
		return jdbc.sql("select name from residents_house where id = ?").param(house).query(String.class).single();
	}

	private HttpRequest.Builder write(String path, String csrf) {
		return HttpSignIns.request(port, path).header("Content-Type", "application/json").header("Accept", "application/json")
			.header("X-XSRF-TOKEN", csrf);
	}

	private String csrf(HttpClient browser) throws Exception {
		browser.send(HttpSignIns.request(port, "/api/v1/houses").build(), HttpResponse.BodyHandlers.discarding());
		return ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN")).map(HttpCookie::getValue).findFirst().orElseThrow();
	}

	private static String uniqueName() {
		return "Slow House " + UUID.randomUUID().toString().substring(0, 8);
	}
}
