package org.milieu.work;

import java.time.LocalDate;

/**
 * How one occurrence went: its date, the outcome, a quality rating from 1 to 5 (optional), the
 * minutes worked (left out: the job's expected minutes when done, half of them when partly done,
 * none when not done) and a note.
 */
public record MarkCompletion(LocalDate date, CompletionOutcome outcome, Integer quality, Integer minutes, String note) {
}
