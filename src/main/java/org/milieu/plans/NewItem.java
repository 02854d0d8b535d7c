package org.milieu.plans;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A part of a plan as the team writes it. {@code id} names a part the version already has, so one
 * left unchanged keeps its author; a new or changed part is the editor's.
 */
public record NewItem(UUID id, ItemKind kind, String area, String text, String clinicalText, String measure,
		LocalDate targetDate, String responsible, String frequency) {
}
