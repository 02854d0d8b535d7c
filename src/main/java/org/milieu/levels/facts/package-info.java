/**
 * The facts level criteria read besides the point sheet: attendance, family or support contact,
 * incidents, work, and a clinician's assessment of whether a resident acknowledges responsibility.
 * Each kind is read through the port {@link org.milieu.levels.facts.FactSource}; the module that
 * will own a kind (groups, family, conduct, work) implements the port for it. Until one does, staff
 * record the facts by hand ({@link org.milieu.levels.facts.ManualFacts}); no criterion is ever
 * measured from invented data.
 */
@org.springframework.modulith.NamedInterface("facts")
package org.milieu.levels.facts;
