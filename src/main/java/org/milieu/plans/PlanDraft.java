package org.milieu.plans;

import java.time.LocalDate;
import java.util.List;

/** The team's parts of a draft version, as a whole, and the day the version starts. */
public record PlanDraft(LocalDate startsOn, List<NewItem> items) {
}
