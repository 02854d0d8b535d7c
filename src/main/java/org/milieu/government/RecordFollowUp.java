package org.milieu.government;

import java.time.LocalDate;

/** What recording a step of a problem's follow-up needs; {@code dueOn} left out keeps the due date as it was. */
public record RecordFollowUp(FollowUpStatus status, String note, LocalDate dueOn) {
}
