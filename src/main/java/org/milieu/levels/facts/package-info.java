/**
 * The facts level criteria read besides the point sheet: attendance, family or support contact,
 * incidents, work, and a clinician's assessment of whether a resident acknowledges responsibility.
 * Each kind is read through the port {@link org.milieu.levels.facts.FactSource}, which the module
 * that owns the kind implements (work for WORK, government for ATTENDANCE, plans for
 * PLAN_OBJECTIVE, whose facts each name the criterion they are shown beside; several may supply one
 * kind); {@link org.milieu.levels.facts.LevelFacts} combines them with the facts staff enter by
 * hand ({@link org.milieu.levels.facts.ManualFacts}) for what no module records, every fact with
 * its {@link org.milieu.levels.facts.FactOrigin}. No criterion is ever measured from invented data.
 */
@org.springframework.modulith.NamedInterface("facts")
package org.milieu.levels.facts;
