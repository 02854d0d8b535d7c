package org.milieu.audit.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.milieu.audit.RequestOrigin;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Binds the client's address and user agent to the request's thread, for the audit rows it writes. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestOriginFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try (AutoCloseable bound = RequestOrigin.bind(new RequestOrigin(request.getRemoteAddr(), request.getHeader("User-Agent")))) {
			chain.doFilter(request, response);
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception closeFailure) {
			throw new IllegalStateException(closeFailure);
		}
	}
}
