package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Failures outside any controller, over real HTTP (MockMvc does not dispatch to /error): pages
 * for people, problem documents for the API, and never a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorPagesHttpTests {

	@LocalServerPort
	int port;

	HttpClient http;

	@BeforeEach
	void signIn() throws Exception {
		http = signedIn("director");
	}

	private HttpClient signedIn(String username) throws Exception {
		HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
		String login = client.send(request("/login").build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
		assertThat(csrf.find()).isTrue();
		String form = "username=" + username + "&password=milieu-demo&_csrf="
				+ URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> signedIn = client.send(request("/login").header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).isEqualTo(302);
		assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
		return client;
	}

	@Test
	void anUnknownApiPathIsA404ProblemDocument() throws Exception {
		HttpResponse<String> response = http.send(request("/api/v1/no-such-thing").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:milieu:problem:not-found\"").doesNotContain("Exception");
	}

	@Test
	void aWrongMethodOnTheApiIsA405ProblemDocument() throws Exception {
		HttpResponse<String> response = http.send(request("/api/v1/houses").method("PATCH", HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isIn(403, 405);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
	}

	@Test
	void anUnknownPageIsA404PageInThePersonsLanguageWithoutInternals() throws Exception {
		HttpResponse<String> response = http.send(request("/no-such-page").header("Accept", "text/html")
			.header("Accept-Language", "es").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Página no encontrada").doesNotContain("Exception").doesNotContain("at org.");
	}

	@Test
	void aStrangerAskingForAPageIsSentToSignInButTheApiSays401() throws Exception {
		HttpClient stranger = HttpClient.newHttpClient();
		HttpResponse<String> page = stranger.send(request("/residents").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(302);
		assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
		HttpResponse<String> api = stranger.send(request("/api/v1/residents").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(api.statusCode()).isEqualTo(401);
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.headers().allValues("Set-Cookie")).as("an API call starts no session")
			.noneMatch(c -> c.startsWith("SESSION="));
	}

	@Test
	void aPageTheRoleMayNotOpenIsAReadable403PageNotJson() throws Exception {
		HttpClient resident = signedIn("resident01");
		HttpResponse<String> page = resident.send(request("/residents").build(), HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(403);
		assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
		assertThat(page.body()).contains("You may not open this page").doesNotContain("Exception");
	}

	@Test
	void aBearerTokenCallNeedsNoCsrfTokenAndStartsNoSession() throws Exception {
		HttpClient staff = signedIn("staff");
		String xsrf = ((java.net.CookieManager) staff.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
		HttpResponse<String> created = staff.send(request("/api/v1/tokens").header("Content-Type", "application/json")
			.header("X-XSRF-TOKEN", xsrf).POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"http\", \"expiresInDays\": 1}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(created.statusCode()).isEqualTo(201);
		Matcher token = Pattern.compile("\"token\":\"(mil_[^\"]+)\"").matcher(created.body());
		assertThat(token.find()).isTrue();
		HttpClient script = HttpClient.newHttpClient();
		HttpResponse<String> read = script.send(request("/api/v1/residents").header("Authorization", "Bearer " + token.group(1))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("SESSION="));
		HttpResponse<String> write = script.send(request("/api/v1/tokens").header("Authorization", "Bearer " + token.group(1))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"child\", \"expiresInDays\": 1}")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(write.statusCode()).as("no CSRF token needed, but a token may not mint another").isEqualTo(403);
		assertThat(write.body()).doesNotContain("CSRF");
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
