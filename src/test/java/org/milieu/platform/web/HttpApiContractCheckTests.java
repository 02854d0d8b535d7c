package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The check of calls over real HTTP has teeth: an answer with a renamed field, or with a status
 * the operation does not document, is kept as a drift and fails the test that made the call; a
 * true answer passes and reaches the caller unchanged. Driven through the filter itself, against
 * the committed description (the one the application serves, {@link OpenApiDocumentTests}).
 */
class HttpApiContractCheckTests {

	static OpenApiInteractionValidator validator;

	final HttpApiContractCheck check = new HttpApiContractCheck(() -> validator);

	final HttpApiContractListener listener = new HttpApiContractListener();

	@BeforeAll
	static void readTheDescription() throws Exception {
		validator = ApiContractCheck.of(Files.readString(OpenApiDocumentTests.DOCUMENT, StandardCharsets.UTF_8));
	}

	@AfterEach
	void forgetDrifts() {
		HttpApiContractCheck.drained();
	}

	@Test
	void aTrueAnswerPassesAndReachesTheCallerUnchanged() throws Exception {
		MockHttpServletResponse response = call(answering(200, "[]"));
		assertThat(response.getContentAsString()).isEqualTo("[]");
		listener.afterTestMethod(null);
	}

	@Test
	void anAnswerWithARenamedFieldFailsTheTestThatMadeTheCall() throws Exception {
		MockHttpServletResponse response = call(answering(200, """
				[{"id": "6f1c2a4e-0d3b-4b5e-9a51-3f1f7b0c9e11", "nome": "Renamed"}]"""));
		assertThat(response.getContentAsString()).as("the caller still gets the answer").contains("Renamed");
		assertThatThrownBy(() -> listener.afterTestMethod(null)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("GET /api/v1/houses answered 200 off its documented contract")
			.hasMessageContaining("nome");
	}

	@Test
	void anUndocumentedStatusFailsTheTestThatMadeTheCall() throws Exception {
		call(answering(418, ""));
		assertThatThrownBy(() -> listener.afterTestMethod(null)).isInstanceOf(AssertionError.class)
			.hasMessageContaining("418");
	}

	@Test
	void driftsFromBeforeATestAreNotItsOwn() throws Exception {
		call(answering(418, ""));
		listener.beforeTestMethod(null);
		listener.afterTestMethod(null);
	}

	@Test
	void pagesAreNotHeldToTheApiDescription() throws Exception {
		MockHttpServletRequest page = new MockHttpServletRequest("GET", "/residents");
		check.doFilter(page, new MockHttpServletResponse(), answering(418, "<html></html>"));
		listener.afterTestMethod(null);
	}

	private MockHttpServletResponse call(FilterChain application) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/houses");
		request.addHeader("Accept", "application/json");
		MockHttpServletResponse response = new MockHttpServletResponse();
		check.doFilter(request, response, application);
		return response;
	}

	private static FilterChain answering(int status, String body) {
		return (request, response) -> {
			var answer = (jakarta.servlet.http.HttpServletResponse) response;
			answer.setStatus(status);
			answer.setContentType("application/json");
			answer.getWriter().write(body);
		};
	}
}
