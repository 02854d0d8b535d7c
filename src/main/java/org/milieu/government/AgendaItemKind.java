package org.milieu.government;

/** What an agenda item brings to the meeting. */
public enum AgendaItemKind {
	PROBLEM, PROPOSAL, ANNOUNCEMENT, APPEAL
}
