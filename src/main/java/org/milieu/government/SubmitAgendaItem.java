package org.milieu.government;

/** What putting an item on a meeting's agenda needs. */
public record SubmitAgendaItem(AgendaItemKind kind, String title, String description) {
}
