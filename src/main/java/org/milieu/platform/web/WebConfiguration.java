package org.milieu.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * Languages: English and Spanish. The browser's preference decides first; the language switch
 * ({@code ?lang=es}) overrides it and is remembered in a cookie that holds nothing but the language.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("es"));

	private final org.springframework.context.MessageSource messages;

	WebConfiguration(org.springframework.context.MessageSource messages) {
		this.messages = messages;
	}

	/** Literal paths before patterns, for the method too ({@link LiteralPathsFirst}). */
	@Bean
	org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations literalPathsFirst() {
		return new org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations() {
			@Override
			public org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new LiteralPathsFirst();
			}
		};
	}

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("milieu-lang");
		resolver.setDefaultLocaleFunction(request -> {
			Locale preferred = request.getLocale();
			return SUPPORTED.stream().filter(l -> l.getLanguage().equals(preferred.getLanguage())).findFirst()
				.orElse(Locale.ENGLISH);
		});
		// a language cookie that is no locale (sent by hand, or damaged) is ignored rather than failing every request
		resolver.setRejectInvalidCookies(false);
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setCookieSameSite("Lax");
		return resolver;
	}

	/** Before every other filter, Spring Session's included: see {@link DatabaseUnavailableFilter}. */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(
			ProblemResponses problems, org.springframework.context.MessageSource messages) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new DatabaseUnavailableFilter(problems, messages, localeResolver()));
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST, jakarta.servlet.DispatcherType.ERROR,
				jakarta.servlet.DispatcherType.ASYNC);
		return registration;
	}

	/**
	 * Right after {@link DatabaseUnavailableFilter}: a request whose parameters cannot be read is
	 * refused before the session, security or a controller asks for one. See {@link MalformedRequestFilter}.
	 */
	@Bean
	org.springframework.boot.web.servlet.FilterRegistrationBean<MalformedRequestFilter> malformedRequestFilter(
			ProblemResponses problems, org.springframework.context.MessageSource messages) {
		var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
				new MalformedRequestFilter(problems, messages, localeResolver()));
		registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(jakarta.servlet.DispatcherType.REQUEST);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("lang");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new SupportedLocalesOnly(change));
		registry.addInterceptor(new SingleValuedParameters(messages)).addPathPatterns("/api/**");
	}

	/** Accepts only the languages Milieu speaks; any other {@code lang} value is ignored. */
	private static final class SupportedLocalesOnly implements org.springframework.web.servlet.HandlerInterceptor {

		private final LocaleChangeInterceptor delegate;

		SupportedLocalesOnly(LocaleChangeInterceptor delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
				jakarta.servlet.http.HttpServletResponse response, Object handler) throws jakarta.servlet.ServletException {
			String lang = request.getParameter("lang");
			if (lang == null || SUPPORTED.stream().noneMatch(l -> l.getLanguage().equals(lang))) {
				return true;
			}
			return delegate.preHandle(request, response, handler);
		}
	}
}
