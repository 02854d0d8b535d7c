package org.milieu.shared;

/**
 * The kinds of a resident's data, for the minimum-necessary rule: each role sees only the
 * categories it needs (docs/security/access-matrix.md).
 */
public enum DataCategory {
	DEMOGRAPHICS, WHEREABOUTS, DRUG_SCREENS, CLINICAL_NOTES, LEVELS_AND_RATINGS, WORK_AND_STIPENDS, GOVERNMENT, INCIDENTS, FAMILY
}
