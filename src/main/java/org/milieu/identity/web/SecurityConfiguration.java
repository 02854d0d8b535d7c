package org.milieu.identity.web;

import jakarta.servlet.DispatcherType;
import org.milieu.platform.web.ProblemResponses;
import org.milieu.platform.web.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may reach what over HTTP. Pages need a signed-in person; the JSON API answers 401 and 403
 * as problem documents, never with a redirect to the sign-in page. Cookie sessions are protected
 * against CSRF with the cookie token repository ({@code XSRF-TOKEN} cookie, {@code X-XSRF-TOKEN}
 * header), so htmx and scripts can call the API.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, MessageSource messages)
			throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/invitation/**").permitAll()
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.anyRequest().authenticated())
			.formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", false).failureUrl("/login?error")
				.permitAll())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
				.deleteCookies("SESSION"))
			.csrf(csrf -> csrf.spa())
			.requestCache(cache -> cache.requestCache(pagesOnly(api)))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(unauthenticated(problems, messages), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(denied(problems, messages), api)
				.defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), AnyRequestMatcher.INSTANCE))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		return http.build();
	}

	private static AuthenticationEntryPoint unauthenticated(ProblemResponses problems, MessageSource messages) {
		return (request, response, ex) -> problems.write(request, response, HttpStatus.UNAUTHORIZED,
				ProblemTypes.UNAUTHENTICATED, text(messages, "problem.title.401"), text(messages, "problem.unauthenticated"));
	}

	private static AccessDeniedHandler denied(ProblemResponses problems, MessageSource messages) {
		return (request, response, ex) -> problems.write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
				text(messages, "problem.title.403"),
				text(messages, ex instanceof CsrfException ? "problem.csrf" : "problem.forbidden"));
	}

	/** Only pages are remembered for after sign-in; an API call never starts a session by itself. */
	private static RequestCache pagesOnly(RequestMatcher api) {
		HttpSessionRequestCache cache = new HttpSessionRequestCache();
		cache.setRequestMatcher(new NegatedRequestMatcher(api));
		return cache;
	}

	private static String text(MessageSource messages, String code) {
		return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
	}
}
