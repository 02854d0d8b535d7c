/**
 * Evidence and level reviews: each resident's measured criteria for the next level (the evidence
 * view), the review engine that opens a review when a resident meets them or a step-down is
 * triggered, and the review workflow (self-assessment, peer input, the team's decision). A decision
 * sets the level from that moment and publishes {@link org.milieu.levels.reviews.LevelChanged}.
 */
@org.springframework.modulith.NamedInterface("reviews")
package org.milieu.levels.reviews;
