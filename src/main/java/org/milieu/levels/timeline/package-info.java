/**
 * The level timeline: how one resident's shift ratings moved, day by day and week by week, beside
 * the level steps they took. It only reads: the current ratings (a superseded rating never counts)
 * and the append-only level history. Safety is a yes/no question, so its average is the share of
 * rated shifts that were safe, and the shifts with destructive behaviour are counted beside it.
 * Every read passes the access policy for {@code LEVELS_AND_RATINGS} and is audited.
 */
package org.milieu.levels.timeline;
