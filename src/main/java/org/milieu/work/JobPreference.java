package org.milieu.work;

/** One job on a resident's wish list, rank 1 first. */
public record JobPreference(int rank, Job job) {
}
