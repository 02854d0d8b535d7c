package org.milieu.platform.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Resource URL rewriting for static files only. With the WebJars locator on the class path, Spring
 * Boot registers a {@link ResourceUrlEncodingFilter} that passes every link a page writes through
 * the static resource chain, and the chain's {@code /**} handler looks each one up as a file in
 * every static location of the jar. A census of 1,500 residents writes 1,500 profile links, and
 * those look-ups took most of the page's time. This filter takes Boot's place and hands the chain
 * only links whose last path segment has a file extension ({@code /css/app.css},
 * {@code /webjars/htmx.org/dist/htmx.min.js}); page links ({@code /residents/…}) are encoded as
 * the container would encode them without the chain, which is what the chain answered for them.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceUrls {

	/** A bean of the filter's type, so that Spring Boot's own (which rewrites every link) backs off. */
	@Bean
	StaticOnly staticResourceUrlEncodingFilter() {
		return new StaticOnly();
	}

	/** For requests and error pages, as Spring Boot registers its own. */
	@Bean
	FilterRegistrationBean<StaticOnly> staticResourceUrlEncodingFilterRegistration(StaticOnly filter) {
		FilterRegistrationBean<StaticOnly> registration = new FilterRegistrationBean<>(filter);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
		return registration;
	}

	/** Whether a link may name a static file: its path's last segment has an extension. */
	static boolean mayBeStatic(String url) {
		int end = url.length();
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '?' || c == '#') {
				end = i;
				break;
			}
		}
		int slash = url.lastIndexOf('/', end - 1);
		return url.lastIndexOf('.', end - 1) > slash;
	}

	static final class StaticOnly extends ResourceUrlEncodingFilter {

		@Override
		public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
				throws IOException, ServletException {
			if (!(response instanceof HttpServletResponse plain)) {
				super.doFilter(request, response, chain);
				return;
			}
			super.doFilter(request, response, (req, res) -> chain.doFilter(req,
					new HttpServletResponseWrapper((HttpServletResponse) res) {

						@Override
						public String encodeURL(String url) {
							return mayBeStatic(url) ? super.encodeURL(url) : plain.encodeURL(url);
						}
					}));
		}
	}
}
