package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.milieu.identity.HttpSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The pool can empty between a request's work and its answer: the session (its last activity, a
 * new CSRF token) is saved when the answer is about to be sent, and that save needs a connection
 * of its own. A request that finds no connection then answers 503 with Retry-After, like one that
 * found none at its start, never 500; for the API a problem document, for people a page. The test
 * takes every pooled connection at exactly that moment: after the controller, before the answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(SessionSaveWithoutConnectionHttpTests.EmptyThePoolBeforeTheAnswer.class)
class SessionSaveWithoutConnectionHttpTests {

	/** The request header that asks the test hooks to empty the pool before the answer is written. */
	static final String EMPTY_THE_POOL = "X-Test-Empty-The-Pool";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PoolTaker pool;

	@AfterEach
	void giveTheConnectionsBack() throws Exception {
		pool.release();
	}

	@Test
	void anApiAnswerWhoseSessionCannotBeSavedIs503WithRetryAfterAndAProblemDocument() throws Exception {
		HttpClient http = HttpSignIns.signedIn(port, "director");
		UUID resident = resident01();

		HttpResponse<String> api = http.send(request("/api/v1/residents/" + resident).header(EMPTY_THE_POOL, "yes").build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(pool.tookEverything()).as("the pool was emptied before the answer").isTrue();
		assertThat(api.statusCode()).as(api.body()).isEqualTo(503);
		assertThat(api.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(api.body()).contains("\"type\":\"urn:milieu:problem:unavailable\"").doesNotContain("Exception");

		pool.release();
		HttpResponse<String> again = http.send(request("/api/v1/residents/" + resident).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as("the same read once connections are free, in the same session").isEqualTo(200);
	}

	@Test
	void aPageWhoseSessionCannotBeSavedIs503WithRetryAfterAndAPage() throws Exception {
		HttpClient http = HttpSignIns.signedIn(port, "director");
		UUID resident = resident01();

		HttpResponse<String> page = http.send(request("/residents/" + resident).header("Accept", "text/html")
			.header(EMPTY_THE_POOL, "yes").build(), HttpResponse.BodyHandlers.ofString());

		assertThat(pool.tookEverything()).as("the pool was emptied before the answer").isTrue();
		assertThat(page.statusCode()).isEqualTo(503);
		assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(page.body()).contains("Milieu is very busy right now").doesNotContain("Exception");

		pool.release();
		HttpResponse<String> again = http.send(request("/residents/" + resident).header("Accept", "text/html").build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(again.statusCode()).as("the same page once connections are free, in the same session").isEqualTo(200);
	}

	private UUID resident01() {
		return jdbc.sql("select resident_id from identity_account where username = 'resident01'").query(UUID.class).single();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
	}

	/** Takes every pooled connection on a thread of its own, and gives them back when asked. */
	static final class PoolTaker {

		private final HikariDataSource pool;

		private final ExecutorService holder = Executors.newSingleThreadExecutor();

		private final List<Connection> taken = new ArrayList<>();

		PoolTaker(DataSource dataSource) throws Exception {
			this.pool = dataSource.unwrap(HikariDataSource.class);
		}

		void takeEverything() {
			try {
				holder.submit(() -> {
					while (taken.size() < pool.getMaximumPoolSize()) {
						taken.add(pool.getConnection());
					}
					return null;
				}).get(30, TimeUnit.SECONDS);
			}
			catch (Exception ex) {
				throw new IllegalStateException("could not take the pool's connections", ex);
			}
		}

		boolean tookEverything() throws Exception {
			return holder.submit(() -> taken.size() == pool.getMaximumPoolSize()).get(30, TimeUnit.SECONDS);
		}

		void release() throws Exception {
			holder.submit(() -> {
				for (Connection c : taken) {
					c.close();
				}
				taken.clear();
				return null;
			}).get(30, TimeUnit.SECONDS);
		}
	}

	/** The hooks: for an API answer just before its body is written, for a page just before it is rendered. */
	@TestConfiguration(proxyBeanMethods = false)
	static class EmptyThePoolBeforeTheAnswer implements WebMvcConfigurer {

		@Bean
		PoolTaker poolTaker(DataSource dataSource) throws Exception {
			return new PoolTaker(dataSource);
		}

		@Bean
		BeforeTheBody beforeTheBody(PoolTaker pool) {
			return new BeforeTheBody(pool);
		}

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new HandlerInterceptor() {
				@Override
				public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
						ModelAndView modelAndView) {
					if (modelAndView != null && request.getHeader(EMPTY_THE_POOL) != null) {
						taker(request).takeEverything();
					}
				}
			});
		}

		private static PoolTaker taker(HttpServletRequest request) {
			return org.springframework.web.context.support.WebApplicationContextUtils
				.getRequiredWebApplicationContext(request.getServletContext()).getBean(PoolTaker.class);
		}
	}

	@ControllerAdvice
	static final class BeforeTheBody implements ResponseBodyAdvice<Object> {

		private final PoolTaker pool;

		BeforeTheBody(PoolTaker pool) {
			this.pool = pool;
		}

		@Override
		public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
			return true;
		}

		@Override
		public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
				Class<? extends HttpMessageConverter<?>> selectedConverterType, ServerHttpRequest request,
				ServerHttpResponse response) {
			if (request instanceof ServletServerHttpRequest servlet && servlet.getServletRequest().getHeader(EMPTY_THE_POOL) != null
					&& servlet.getServletRequest().getAttribute(EMPTY_THE_POOL) == null) {
				servlet.getServletRequest().setAttribute(EMPTY_THE_POOL, Boolean.TRUE);
				pool.takeEverything();
			}
			return body;
		}
	}
}
