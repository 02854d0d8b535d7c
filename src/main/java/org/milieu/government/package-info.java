/**
 * Client government: the residents' own community meetings and what they bring to them. A
 * meeting belongs to one house or to the whole program; residents and staff put problems,
 * proposals, announcements and appeals on its agenda until it closes. Meetings are community
 * data ({@code GOVERNMENT}); every write, and every read of what a resident submitted, is audited.
 * Nothing is deleted: meetings close, agenda items are discussed or carried over.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit", "residents",
		"levels::privileges", "levels::facts" }, displayName = "Client government")
package org.milieu.government;
