/**
 * Passes out of the house (a resident's whereabouts): sign-out with destination, purpose,
 * companion and expected return, then sign-in. A resident is out on at most one pass at a time
 * (the database enforces it); a pass is overdue once its expected return has passed without a
 * sign-in. Every read and write goes through the access policy under {@code WHEREABOUTS}. Exposed
 * as the named interface {@code residents::passes}, so that {@code levels} answers
 * {@link org.milieu.residents.passes.PassEligibility} from a resident's privileges.
 */
@org.springframework.modulith.NamedInterface("passes")
package org.milieu.residents.passes;
