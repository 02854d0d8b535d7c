package org.milieu.work;

/** How a job's stipend rate counts: once for each completed occurrence, or for each hour worked. */
public enum RateUnit {
	PER_COMPLETION, PER_HOUR
}
