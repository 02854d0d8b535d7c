package org.milieu.platform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * A path that a mapping names literally ({@code POST /api/v1/level-reviews/run}) is that resource
 * and no other: a mapping with a variable that would also match it ({@code GET
 * /api/v1/level-reviews/{id}}) does not serve it. Spring's own matching falls back on such a
 * pattern when the literal mapping does not take the method, so {@code GET .../run} reached the
 * review reader (400, "run" is not an id) and {@code OPTIONS .../run} listed GET in {@code Allow}.
 * Here the method a literal path does not take is 405, and {@code Allow} lists only its own.
 * <p>
 * A path with a variable ({@code /api/v1/residents/{id}/level}) is matched by Spring against every
 * mapping of the application in turn, and each mapping checks the method, parameters, headers and
 * media types before its path. Here a mapping whose path patterns cannot match the request's path
 * is passed over first (the same answer, since its path condition would refuse it too): the
 * lookup had taken about a third of the processor time of a profile or level read.
 */
class LiteralPathsFirst extends RequestMappingHandlerMapping {

	/** The lookup in progress on this thread: the request's path, and whether some mapping names it literally. */
	private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

	private record Lookup(String path, PathContainer parsed, boolean literal) {
	}

	private volatile Set<String> literals;

	@Override
	protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
		PathContainer parsed = ServletRequestPathUtils.hasParsedRequestPath(request)
				? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication() : null;
		Lookup outer = LOOKUP.get();
		LOOKUP.set(new Lookup(lookupPath, parsed, literals().contains(lookupPath)));
		try {
			return super.lookupHandlerMethod(lookupPath, request);
		}
		finally {
			LOOKUP.set(outer);
		}
	}

	@Override
	protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
		Lookup lookup = LOOKUP.get();
		if (lookup != null) {
			if (lookup.literal() && !info.getDirectPaths().contains(lookup.path())) {
				return null;
			}
			if (lookup.parsed() != null && cannotMatch(info.getPathPatternsCondition(), lookup.parsed())) {
				return null;
			}
		}
		return super.getMatchingMapping(info, request);
	}

	/** Whether none of the mapping's path patterns matches the path (false when it has none to check). */
	private static boolean cannotMatch(PathPatternsRequestCondition condition, PathContainer path) {
		if (condition == null || condition.isEmptyPathMapping()) {
			return false;
		}
		for (PathPattern pattern : condition.getPatterns()) {
			if (pattern.matches(path)) {
				return false;
			}
		}
		return true;
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
