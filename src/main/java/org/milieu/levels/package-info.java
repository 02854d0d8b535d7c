/**
 * Levels of responsibility: the four-level ladder from safety and orientation to leadership, and
 * each resident's level history. The history is append-only: a resident's level is the latest
 * assignment, and every assignment keeps who decided it and why. Shift ratings (the point sheet)
 * are the evidence for level reviews: staff rate each resident of a house every shift; ratings are
 * append-only too, a correction supersedes a rating and keeps it. Each level brings privileges
 * ({@code levels::privileges}), which also decide who may go out on a pass.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "shared", "platform", "platform::web", "identity", "audit", "residents",
		"residents::passes" }, displayName = "Levels of responsibility")
package org.milieu.levels;
