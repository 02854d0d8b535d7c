package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;

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
		return org.milieu.identity.HttpSignIns.signedIn(port, username);
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

	@Test
	void anApiQueryStringWithBrokenPercentEncodingIsA400NamingTheParameterNotA500() throws Exception {
		String cookies = cookies(http);
		for (String query : new String[] { "cursor=%%%", "cursor=%zz", "cursor=%C0%AF", "cursor=%FF" }) {
			Raw response = raw("GET /api/v1/houses?" + query, cookies, "Accept: application/json");
			assertThat(response.status()).as(query).isEqualTo(400);
			assertThat(response.header("content-type")).as(query).startsWith("application/problem+json");
			assertThat(response.body()).as(query).contains("\"type\":\"urn:milieu:problem:malformed-request\"")
				.contains("\"field\":\"cursor\"").doesNotContain("Exception");
		}
		Raw nameless = raw("GET /api/v1/houses?=1", cookies, "Accept: application/json");
		assertThat(nameless.status()).isEqualTo(400);
		assertThat(nameless.body()).contains("urn:milieu:problem:malformed-request");
	}

	@Test
	void aPageWithBrokenPercentEncodingIsTheReadable400PageInThePersonsLanguage() throws Exception {
		Raw page = raw("GET /residents?cursor=%%%", cookies(http), "Accept: text/html\r\nAccept-Language: es");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("content-type")).startsWith("text/html");
		assertThat(page.body()).contains("No se pudo atender la solicitud").doesNotContain("Exception");
	}

	@Test
	void aPathTheFirewallRejectsIsAMalformedRequestProblemNotA500() throws Exception {
		for (String path : new String[] { "/api/v1/houses/;x=1", "/api/v1/houses//x", "/api/v1/houses/%2e%2e/x", "/api/v1/houses/%25" }) {
			Raw response = raw("GET " + path, cookies(http), "Accept: application/json");
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.body()).as(path).contains("urn:milieu:problem:malformed-request").doesNotContain("Exception");
		}
	}

	@Test
	void oddLanguageHeadersAndCookiesFallBackToALanguageMilieuSpeaks() throws Exception {
		String cookies = cookies(http);
		for (String header : new String[] { "Accept-Language: -", "Accept-Language: ;;;", "Accept-Language: *;q=2",
				"Accept-Language: xx-invalid;q=abc", "Cookie: milieu-lang=%%%", "Cookie: milieu-lang=xx_ZZ_garbage" }) {
			Raw response = raw("GET /api/v1/houses", header.startsWith("Cookie") ? null : cookies,
					header.startsWith("Cookie") ? header + "; " + cookies.substring("Cookie: ".length()) : header);
			assertThat(response.status()).as(header).isEqualTo(200);
		}
	}

	/** A request sent byte for byte, as a script might: java.net.URI would refuse to build these. */
	private Raw raw(String requestLine, String cookieHeader, String headers) throws Exception {
		try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
			socket.setSoTimeout(10_000);
			String request = requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ (cookieHeader == null ? "" : cookieHeader + "\r\n") + headers + "\r\n\r\n";
			socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
			socket.getOutputStream().flush();
			java.io.DataInputStream in = new java.io.DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
			String statusLine = line(in);
			java.util.Map<String, String> head = new java.util.HashMap<>();
			for (String h = line(in); !h.isEmpty(); h = line(in)) {
				head.put(h.substring(0, h.indexOf(':')).trim().toLowerCase(), h.substring(h.indexOf(':') + 1).trim());
			}
			java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
			if ("chunked".equalsIgnoreCase(head.get("transfer-encoding"))) {
				for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer.parseInt(line(in).trim(), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else if (head.containsKey("content-length")) {
				body.write(in.readNBytes(Integer.parseInt(head.get("content-length"))));
			}
			byte[] bytes = body.toByteArray();
			if ("gzip".equalsIgnoreCase(head.get("content-encoding"))) {
				bytes = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes)).readAllBytes();
			}
			return new Raw(Integer.parseInt(statusLine.split(" ")[1]), head, new String(bytes, StandardCharsets.UTF_8));
		}
	}

	private static String line(java.io.DataInputStream in) throws java.io.IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
			if (b != '\r') {
				line.append((char) b);
			}
		}
		return line.toString();
	}

	private static String cookies(HttpClient client) {
		return "Cookie: " + ((CookieManager) client.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
			.map(c -> c.getName() + "=" + c.getValue()).collect(java.util.stream.Collectors.joining("; "));
	}

	record Raw(int status, java.util.Map<String, String> headers, String body) {

		String header(String name) {
			return headers.getOrDefault(name, "");
		}
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}
}
