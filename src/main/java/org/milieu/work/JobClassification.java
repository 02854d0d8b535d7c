package org.milieu.work;

/**
 * What kind of work a job is, for labour-law review: a therapeutic house chore that is part of
 * community life, training for a trade, or productive work whose fruits go beyond the resident.
 */
public enum JobClassification {
	THERAPEUTIC_CHORE, VOCATIONAL_TRAINING, PRODUCTIVE_WORK
}
