package org.milieu.platform.web;

import java.util.Comparator;
import java.util.List;

import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: where each person starts, with what needs their attention now and the parts of
 * Milieu their role may use. The attention list refreshes itself every 30 seconds (htmx), so an
 * alert raised while the page is open shows within a minute.
 */
@Controller
class HomeController {

	private static final Comparator<Attention> ORDER = Comparator.comparing(Attention::severity)
		.thenComparing(Attention::since, Comparator.nullsLast(Comparator.naturalOrder()));

	private final ObjectProvider<AttentionSource> sources;

	HomeController(ObjectProvider<AttentionSource> sources) {
		this.sources = sources;
	}

	@GetMapping("/")
	String home(Authentication who, Model model) {
		model.addAttribute("attention", attention(who));
		return "platform/home";
	}

	/** The attention list alone, for the page's periodic refresh. */
	@GetMapping("/attention")
	String attentionList(Authentication who, Model model) {
		model.addAttribute("attention", attention(who));
		return "platform/home :: attention";
	}

	private List<Attention> attention(Authentication who) {
		return sources.orderedStream().flatMap(s -> s.attentionFor(who).stream()).sorted(ORDER).toList();
	}
}
