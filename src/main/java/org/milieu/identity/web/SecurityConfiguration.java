package org.milieu.identity.web;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;
import org.milieu.platform.web.ProblemResponses;
import org.milieu.platform.web.ProblemTypes;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.milieu.identity.ApiTokens;
import org.milieu.identity.Passkeys;
import org.milieu.identity.SecondFactor;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may reach what over HTTP. Pages need a completely signed-in person (password and, where
 * enrolled or required, the second factor); the JSON API answers 401 and 403 as problem
 * documents, never with a redirect to the sign-in page. Cookie sessions are protected against
 * CSRF with the cookie token repository ({@code XSRF-TOKEN} cookie, {@code X-XSRF-TOKEN} header),
 * so htmx and scripts can call the API; bearer-token calls need no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	/**
	 * The request firewall as Spring Security sets it, except that the {@code QUERY} method (a safe
	 * GET with a body, RFC 9110's successor draft) reaches the application, which answers 405 with
	 * the methods it does allow instead of the firewall's bare 400.
	 */
	@Bean
	org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer queryMethodReachesTheApplication() {
		org.springframework.security.web.firewall.StrictHttpFirewall firewall = new org.springframework.security.web.firewall.StrictHttpFirewall();
		firewall.setAllowedHttpMethods(java.util.List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT", "QUERY"));
		return web -> web.httpFirewall(firewall);
	}

	/**
	 * A request the firewall refuses (a {@code ;}, an encoded slash or {@code ..} in the path, a
	 * header it cannot trust) answers 400 as every other malformed request does: a problem
	 * document naming the reason on the API, the readable 400 page elsewhere, not a bare status.
	 */
	@Bean
	org.springframework.security.web.firewall.RequestRejectedHandler requestRejected(ProblemResponses problems,
			MessageSource messages) {
		return (request, response, rejected) -> {
			if (!ProblemResponses.isApi(request)) {
				response.sendError(HttpStatus.BAD_REQUEST.value());
				return;
			}
			java.util.Locale locale = LocaleContextHolder.getLocale();
			org.springframework.http.ProblemDetail problem = org.springframework.http.ProblemDetail.forStatusAndDetail(
					HttpStatus.BAD_REQUEST, messages.getMessage("problem.request.rejected", null, locale));
			problem.setType(ProblemTypes.MALFORMED_REQUEST);
			problem.setTitle(messages.getMessage("problem.title.400", null, locale));
			problems.write(response, problem);
		};
	}

	/** Where a signed-in person's security context lives between requests: their (database) session. */
	@Bean
	SecurityContextRepository securityContextRepository() {
		return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
				new HttpSessionSecurityContextRepository());
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, MessageSource messages,
			SecondFactor secondFactor, SecurityContextRepository contexts, ApiTokens tokens, Passkeys passkeys, Clock clock, @Value("${milieu.security.session.idle-timeout:15m}") Duration idle,
			@Value("${milieu.security.session.absolute-timeout:12h}") Duration absolute) throws Exception {
		RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
		http.authorizeHttpRequests(requests -> requests
			.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll()
			.requestMatchers("/invitation/**").permitAll()
			// calendar feeds: calendar apps do not sign in; the secret token in the address is the key
			.requestMatchers("/calendar/*.ics").permitAll()
			.requestMatchers("/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
			.requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
			.requestMatchers("/actuator/**").hasRole("ADMIN")
			.requestMatchers("/login/second-factor").hasAuthority(SignInStages.SECOND_FACTOR_PENDING)
			.requestMatchers("/account/second-factor", "/account/second-factor/**")
			.access(SignInStages.completeOr(SignInStages.ENROLMENT_PENDING))
			.anyRequest().access(SignInStages.signedInCompletely()))
			.securityContext(context -> context.securityContextRepository(contexts))
			.formLogin(form -> form.loginPage("/login").successHandler(SignInStages.afterPassword(secondFactor, contexts))
				.failureUrl("/login?error").permitAll())
			.webAuthn(passkey -> passkey.rpName("Milieu").disableDefaultRegistrationPage(true))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
				.deleteCookies("SESSION"))
			.csrf(csrf -> csrf.spa().ignoringRequestMatchers(BearerTokenFilter.BEARER))
			.requestCache(cache -> cache.requestCache(pagesOnly(api)))
			.exceptionHandling(ex -> ex.defaultAuthenticationEntryPointFor(unauthenticated(problems, messages), api)
				.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), AnyRequestMatcher.INSTANCE)
				.defaultAccessDeniedHandlerFor(denied(problems, messages), api)
				.defaultAccessDeniedHandlerFor(SignInStages.pages(), AnyRequestMatcher.INSTANCE))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions(frame -> frame.deny()));
		http.addFilterBefore(new BearerTokenFilter(tokens, problems, messages), UsernamePasswordAuthenticationFilter.class);
		http.addFilterAfter(new PasskeySignInFilter(passkeys, contexts), SecurityContextHolderFilter.class);
		http.addFilterAfter(new SessionLifetimeFilter(clock, idle, absolute, problems, messages),
				SecurityContextHolderFilter.class);
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
