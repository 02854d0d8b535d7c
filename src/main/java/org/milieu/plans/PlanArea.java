package org.milieu.plans;

import org.jspecify.annotations.Nullable;

/**
 * One area a problem of a plan belongs to. A standard area (one of the six ASAM dimensions) has no
 * name of its own until the director gives it one: its words are then the message
 * {@code plan.area.<code>}, in the reader's language. A retired area is offered for no new problem,
 * but the parts written in it keep it.
 *
 * @param code what a plan's part stores; never changes
 * @param name the director's name for it, or null for a standard area's own words
 * @param standard whether it is one of the six ASAM dimensions
 * @param retired whether the director retired it
 */
public record PlanArea(String code, @Nullable String name, boolean standard, boolean retired) {
}
