package org.milieu.government;

/** The only grounds on which a clinician or the director may overrule a carried motion. */
public enum OverruleGround {
	SAFETY, LAW, CLINICAL_CARE
}
