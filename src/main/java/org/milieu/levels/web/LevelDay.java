package org.milieu.levels.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.milieu.identity.MilieuUser;
import org.milieu.levels.reviews.CriterionResult;
import org.milieu.levels.reviews.Evidence;
import org.milieu.levels.reviews.LevelEvidence;
import org.milieu.levels.reviews.LevelReviews;
import org.milieu.levels.reviews.Review;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.platform.ResidentDay;
import org.milieu.shared.RecordNotFound;
import org.milieu.platform.TodayCard;
import org.milieu.platform.TodayCard.Line;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * A resident's level on their home page: the level and since when, how many criteria for the next
 * level are met and which are left, and what they are asked to write: their self-assessment for an
 * open review, peer input for a housemate's. Read through {@link LevelEvidence} and
 * {@link LevelReviews}, which keep a resident to their own record (and a peer's eligible reviews)
 * and audit the read. Criteria are described as on the resident's level page.
 */
@Component
class LevelDay implements ResidentDay {

	private final LevelEvidence evidence;

	private final LevelReviews reviews;

	private final LevelSchemes schemes;

	private final CriterionText text;

	LevelDay(LevelEvidence evidence, LevelReviews reviews, LevelSchemes schemes, CriterionText text) {
		this.evidence = evidence;
		this.reviews = reviews;
		this.schemes = schemes;
		this.text = text;
	}

	@Override
	public List<TodayCard> cardsFor(Authentication who) {
		return MilieuUser.signedInResident(who).map(this::cards).orElse(List.of());
	}

	private List<TodayCard> cards(MilieuUser user) {
		Locale locale = LocaleContextHolder.getLocale();
		Evidence mine;
		try {
			mine = evidence.of(user, user.residentId());
		}
		catch (RecordNotFound noLevelYet) {
			return List.of(new TodayCard(30, "today-level", "today.level.heading", List.of(), "today.level.none", List.of(),
					"/me/level", "today.level.link"));
		}
		LevelScheme scheme = schemes.today(user.programId());
		List<Line> lines = new ArrayList<>();
		lines.add(Line.of("today.level.now", text.levelName(scheme.level(mine.level().number()), locale),
				mine.daysAtLevel()));
		if (mine.nextLevel() == null) {
			lines.add(Line.of("today.level.top"));
		}
		else {
			lines.add(Line.of("today.level.progress", mine.metCount(), mine.criteria().size(),
					text.levelName(scheme.level(mine.nextLevel()), locale)));
			for (CriterionResult r : mine.criteria()) {
				if (!r.met()) {
					lines.add(Line.of("today.level.left", text.describe(r.criterion(), locale), text.value(r, locale)));
				}
			}
		}
		List<Line> asks = new ArrayList<>();
		reviews.forResident(user, user.residentId()).stream()
			.filter(LevelDay::unanswered)
			.forEach(r -> asks.add(Line.of("today.ask.selfAssessment").linkedTo("/me/level")));
		reviews.openForPeer(user).stream().filter(p -> !p.written())
			.forEach(p -> asks.add(Line.of("today.ask.peerInput", p.residentName()).linkedTo("/me/level")));
		return List.of(new TodayCard(30, "today-level", "today.level.heading", lines, "today.level.none", asks, "/me/level",
				"today.level.link"));
	}

	static boolean unanswered(Review review) {
		return review.open() && review.selfAssessment() == null;
	}
}
