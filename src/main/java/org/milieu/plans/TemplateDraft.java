package org.milieu.plans;

import java.util.List;

/** A template as the director writes it, as a whole: its name, the problem, and its parts in order. */
public record TemplateDraft(String name, String area, String problemText, String clinicalText,
		List<PlanTemplate.Part> parts) {
}
