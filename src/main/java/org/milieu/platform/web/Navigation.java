package org.milieu.platform.web;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Where the reader is in the main navigation: the menu item that stands for the page they are on
 * ({@code navCurrent}, marked {@code aria-current="page"}) and its group ({@code navGroup}). A page
 * belongs to the item whose path is the longest prefix of its own ({@code /residents/…/stays} to the
 * census). Which items a role sees is decided in the layout itself, beside each link.
 */
@ControllerAdvice
class Navigation {

	/** A path prefix, the menu item it belongs to, and that item's group. */
	record Place(String prefix, String item, String group) {
	}

	static final List<Place> PLACES = List.of(
			new Place("/", "/", "today"),
			new Place("/staffing", "/staffing", "today"),
			new Place("/passes", "/passes", "today"),
			new Place("/drug-screens", "/drug-screens/follow-ups", "today"),
			new Place("/me", "/me", "today"),
			new Place("/residents", "/residents", "residents"),
			new Place("/houses", "/houses", "residents"),
			new Place("/plans", "/plans", "residents"),
			new Place("/levels", "/levels", "levels"),
			new Place("/levels/reviews", "/levels/reviews", "levels"),
			new Place("/me/level", "/me/level", "levels"),
			new Place("/me/privileges", "/me/level", "levels"),
			new Place("/meetings", "/meetings", "community"),
			new Place("/house-rules", "/house-rules", "community"),
			new Place("/action-items", "/action-items", "community"),
			new Place("/work", "/work/roster", "work"),
			new Place("/me/work", "/me/work", "work"),
			new Place("/me/stipend", "/me/stipend", "work"),
			new Place("/admin", "/admin/users", "settings"),
			new Place("/admin/emergency-access", "/admin/emergency-access", "settings"),
			new Place("/audit", "/audit", "settings"),
			new Place("/account", "/account", "account"),
			new Place("/sessions", "/sessions", "today"),
			new Place("/me/schedule", "/me/schedule", "today"));

	@ModelAttribute("navCurrent")
	String navCurrent(HttpServletRequest request) {
		return place(path(request)).map(Place::item).orElse(null);
	}

	@ModelAttribute("navGroup")
	String navGroup(HttpServletRequest request) {
		return place(path(request)).map(Place::group).orElse(null);
	}

	/** The place of a path within the application, or none (the sign-in page, an unknown path). */
	static Optional<Place> place(String path) {
		if (path == null || path.isEmpty()) {
			return Optional.empty();
		}
		return PLACES.stream()
			.filter(p -> path.equals(p.prefix()) || (!p.prefix().equals("/") && path.startsWith(p.prefix() + "/")))
			.max(Comparator.comparingInt(p -> p.prefix().length()));
	}

	private static String path(HttpServletRequest request) {
		String uri = request.getRequestURI();
		String context = request.getContextPath();
		return uri != null && context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
	}
}
