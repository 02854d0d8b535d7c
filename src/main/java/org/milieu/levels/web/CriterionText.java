package org.milieu.levels.web;

import java.util.Locale;

import org.milieu.levels.reviews.CriterionResult;
import org.milieu.levels.reviews.ResidentCriteria;
import org.milieu.levels.reviews.Review;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.CriterionKind;
import org.milieu.levels.scheme.SchemeLevel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Criteria, measured values and level texts in plain language, in the reader's language. */
@Component("criterionText")
public class CriterionText {

	private final MessageSource messages;

	CriterionText(MessageSource messages) {
		this.messages = messages;
	}

	/** What the criterion asks, in a sentence: hygiene rated fair or better on at least 80 % of shifts, for example. */
	public String describe(Criterion c, Locale locale) {
		return describe(c.kind(), c.windowDays(), c.threshold(), c.domain() == null ? null : c.domain().name(), c.atLeast(),
				locale);
	}

	/** The same for a finding stored on a review. */
	public String describe(Review.Finding f, Locale locale) {
		return describe(CriterionKind.valueOf(f.kind()), f.window(), f.threshold(), f.domain(), f.atLeast(), locale);
	}

	private String describe(CriterionKind kind, Integer window, double threshold, String domain, Integer atLeast,
			Locale locale) {
		return messages.getMessage(ResidentCriteria.sentence(kind, window, threshold, domain, atLeast), locale);
	}

	/** The measured value with its unit, or a note that nothing is recorded yet. */
	public String value(CriterionResult r, Locale locale) {
		if (r.waived()) {
			return messages.getMessage("criterion.waived", null, locale);
		}
		return value(r.criterion().kind(), r.value(), locale);
	}

	public String value(Review.Finding f, Locale locale) {
		if (f.waived()) {
			return messages.getMessage("criterion.waived", null, locale);
		}
		return value(CriterionKind.valueOf(f.kind()), f.value(), locale);
	}

	private String value(CriterionKind kind, Double value, Locale locale) {
		if (value == null) {
			return messages.getMessage("criterion.value.none", null, locale);
		}
		return messages.getMessage("criterion.unit." + kind.unit(), new Object[] { number(value) }, locale);
	}

	/**
	 * Why a review opened, in plain language: every criterion met for an advancement, the trigger
	 * for a step-down, or the staff member's reason.
	 */
	public String explain(Review r, Locale locale) {
		if (r.triggerKind() != null) {
			return messages.getMessage("review.explain.trigger." + r.triggerKind(),
					new Object[] { r.triggerOn(), r.fromLevel(), r.proposedLevel() }, locale);
		}
		if (r.reason() != null) {
			return messages.getMessage("review.explain.by-hand", new Object[] { r.openedBy(), r.reason() }, locale);
		}
		long met = r.findings().stream().filter(Review.Finding::met).count();
		return messages.getMessage("review.explain.advancement",
				new Object[] { met, r.findings().size(), r.proposedLevel() }, locale);
	}

	/** A level's name: the program's own, else the default in the reader's language. */
	public String levelName(SchemeLevel level, Locale locale) {
		return text(level.name(), "level." + level.number() + ".name", locale);
	}

	public String levelDescription(SchemeLevel level, Locale locale) {
		return text(level.description(), "level." + level.number() + ".description", locale);
	}

	public String levelFocus(SchemeLevel level, Locale locale) {
		return text(level.focus(), "level." + level.number() + ".focus", locale);
	}

	public String levelResponsibilities(SchemeLevel level, Locale locale) {
		return text(level.responsibilities(), "level." + level.number() + ".responsibilities", locale);
	}

	private String text(String own, String key, Locale locale) {
		return own != null && !own.isBlank() ? own : messages.getMessage(key, null, locale);
	}

	static String number(double value) {
		return ResidentCriteria.number(value);
	}
}
