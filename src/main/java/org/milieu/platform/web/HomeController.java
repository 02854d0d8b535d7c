package org.milieu.platform.web;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.milieu.platform.ResidentDay;
import org.milieu.platform.TodayCard;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: where each person starts. Staff see what needs their attention now, grouped by
 * kind with a count, the most urgent kind first and the oldest item first within it; a resident sees
 * their day, gathered from the modules' {@link ResidentDay} cards, with what they are asked to do on
 * top. The attention list refreshes itself every 30 seconds (htmx), so an alert raised while the page
 * is open shows within a minute. Everything a view shows is read in one transaction (each module's
 * reads and their audit rows join it), so a view pays for one connection and one commit, not one per
 * module.
 */
@Controller
class HomeController {

	private static final Comparator<Attention> OLDEST_FIRST = Comparator.comparing(Attention::severity)
		.thenComparing(Attention::since, Comparator.nullsLast(Comparator.naturalOrder()));

	private final ObjectProvider<AttentionSource> sources;

	private final ObjectProvider<ResidentDay> days;

	private final TransactionTemplate inOneTransaction;

	HomeController(ObjectProvider<AttentionSource> sources, ObjectProvider<ResidentDay> days,
			PlatformTransactionManager transactions) {
		this.sources = sources;
		this.days = days;
		this.inOneTransaction = new TransactionTemplate(transactions);
	}

	@GetMapping("/")
	String home(Authentication who, Model model) {
		inOneTransaction.executeWithoutResult(status -> {
			List<Attention> attention = attention(who);
			model.addAttribute("attention", attention);
			model.addAttribute("attentionGroups", groups(attention));
			List<TodayCard> cards = days.orderedStream().flatMap(d -> d.cardsFor(who).stream())
				.sorted(Comparator.comparingInt(TodayCard::order)).toList();
			model.addAttribute("todayCards", cards);
			model.addAttribute("asks", cards.stream().flatMap(c -> c.asks().stream()).toList());
		});
		return "platform/home";
	}

	/** The attention list alone, for the page's periodic refresh. */
	@GetMapping("/attention")
	String attentionList(Authentication who, Model model) {
		List<Attention> attention = inOneTransaction.execute(status -> attention(who));
		model.addAttribute("attention", attention);
		model.addAttribute("attentionGroups", groups(attention));
		return "platform/home :: attention";
	}

	private List<Attention> attention(Authentication who) {
		return sources.orderedStream().flatMap(s -> s.attentionFor(who).stream()).sorted(OLDEST_FIRST).toList();
	}

	/**
	 * The items by kind (the first part of their message key: {@code pass}, {@code rounds}, …), in the
	 * order of each kind's first item, so urgent kinds lead and the oldest item opens each group.
	 */
	static List<AttentionGroup> groups(List<Attention> sorted) {
		Map<String, List<Attention>> byKind = new LinkedHashMap<>();
		for (Attention a : sorted) {
			byKind.computeIfAbsent(kind(a), k -> new java.util.ArrayList<>()).add(a);
		}
		return byKind.entrySet().stream().map(e -> new AttentionGroup(e.getKey(), e.getValue())).toList();
	}

	static String kind(Attention a) {
		int cut = a.code().indexOf(".attention");
		return cut > 0 ? a.code().substring(0, cut) : "other";
	}

	/** Items of one kind, as the page shows them: a heading with the count, then each item. */
	record AttentionGroup(String kind, List<Attention> items) {

		public boolean urgent() {
			return items.stream().anyMatch(a -> a.severity() == Attention.Severity.URGENT);
		}
	}
}
