package org.milieu.platform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * A path that a mapping names literally ({@code POST /api/v1/level-reviews/run}) is that resource
 * and no other: a mapping with a variable that would also match it ({@code GET
 * /api/v1/level-reviews/{id}}) does not serve it. Spring's own matching falls back on such a
 * pattern when the literal mapping does not take the method, so {@code GET .../run} reached the
 * review reader (400, "run" is not an id) and {@code OPTIONS .../run} listed GET in {@code Allow}.
 * Here the method a literal path does not take is 405, and {@code Allow} lists only its own.
 */
class LiteralPathsFirst extends RequestMappingHandlerMapping {

	private static final String LOOKUP_PATH = LiteralPathsFirst.class.getName() + ".lookupPath";

	private volatile Set<String> literals;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		request.setAttribute(LOOKUP_PATH, lookupPath);
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			request.removeAttribute(LOOKUP_PATH);
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		if (request.getAttribute(LOOKUP_PATH) instanceof String path && another(info, path)) {
			return null;
		}
		return super.getMatchingMapping(info, request);
	}

	@Override
	protected HandlerMethod handleNoMatch(Set<RequestMappingInfo> infos, String lookupPath, HttpServletRequest request)
			throws ServletException {
		return super.handleNoMatch(infos.stream().filter(info -> !another(info, lookupPath)).collect(Collectors.toSet()),
				lookupPath, request);
	}

	/** Whether {@code path} is named literally by some mapping, and not by this one. */
	private boolean another(RequestMappingInfo info, String path) {
		return literals().contains(path) && !info.getDirectPaths().contains(path);
	}

	private Set<String> literals() {
		Set<String> known = literals;
		if (known == null) {
			known = new HashSet<>();
			for (RequestMappingInfo info : getHandlerMethods().keySet()) {
				known.addAll(info.getDirectPaths());
			}
			literals = known;
		}
		return known;
	}
}
