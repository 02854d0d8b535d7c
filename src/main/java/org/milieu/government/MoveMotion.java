package org.milieu.government;

import java.util.List;
import java.util.UUID;

/**
 * A motion to move: its words, whether the ballot is secret, the agenda item it answers, and for a
 * rule change the rule it amends (or the title of a new one) and the rule's new text; for an
 * election the office and the candidates.
 */
public record MoveMotion(MotionKind kind, String text, Boolean secret, UUID agendaItemId, UUID ruleId, String ruleTitle,
		String ruleText, Office office, List<UUID> candidates) {
}
