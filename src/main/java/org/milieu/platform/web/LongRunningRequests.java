package org.milieu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.platform.LongRunning;
import org.milieu.platform.Transactions;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Requests whose controller method is marked {@link LongRunning} run as long work: their
 * transactions may run statements up to the long-work limit. Every other request keeps the
 * request limit each pooled connection carries.
 */
@Configuration(proxyBeanMethods = false)
class LongRunningRequests implements WebMvcConfigurer, HandlerInterceptor {

	private final Transactions transactions;

	LongRunningRequests(Transactions transactions) {
		this.transactions = transactions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (handler instanceof HandlerMethod method && method.hasMethodAnnotation(LongRunning.class)) {
			transactions.beginLongWork();
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
		transactions.endLongWork();
	}
}
