/**
 * Occupancy over time: a snapshot of every house's census at the end of each day, taken by a
 * scheduled job on one node of the cluster, and the occupancy report over a period built from
 * the snapshots (on a page and as CSV). Counts only; no resident is named.
 */
package org.milieu.residents.occupancy;
