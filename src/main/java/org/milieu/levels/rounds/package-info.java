/**
 * Observation rounds: a clinician orders how often a resident is checked (every 15, 30 or 60
 * minutes, or one-to-one) with a reason; staff record each check on their rounds; a check is due
 * one interval after the last one and overdue five minutes later, which raises an urgent item on
 * the home page. Orders are clinical decisions ({@code CLINICAL_NOTES}, never deleted, ended with
 * who and when); checks are append-only ({@code LEVELS_AND_RATINGS}, which staff write). Exposed as
 * the named interface {@code levels::rounds}.
 */
@org.springframework.modulith.NamedInterface("rounds")
package org.milieu.levels.rounds;
