package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One session, many requests at once (a script, or a page whose htmx parts load together): the
 * first requests after sign-in each record the session's start and last activity, and none of them
 * fails for it. Over real HTTP, as the session store is only used there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConcurrentSessionHttpTests {

	@LocalServerPort
	int port;

	@Test
	void twentyFirstRequestsOfOneSessionAtOnceAllSucceed() throws Exception {
		HttpClient http = signedIn("nurse");
		int requests = 20;
		ExecutorService threads = Executors.newFixedThreadPool(requests);
		CountDownLatch ready = new CountDownLatch(requests);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<HttpResponse<String>>> answers = new ArrayList<>();
		try {
			for (int i = 0; i < requests; i++) {
				answers.add(threads.submit(() -> {
					ready.countDown();
					go.await();
					return http.send(request("/api/v1/houses").build(), HttpResponse.BodyHandlers.ofString());
				}));
			}
			ready.await();
			go.countDown();
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(30, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private HttpClient signedIn(String username) throws Exception {
		return org.milieu.identity.HttpSignIns.signedIn(port, username);
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
