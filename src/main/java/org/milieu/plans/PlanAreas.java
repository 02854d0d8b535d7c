package org.milieu.plans;

import java.util.List;

/**
 * The areas a problem belongs to: by default the six dimensions of the ASAM Criteria. (A director's
 * own list per program is for a later step.)
 */
public final class PlanAreas {

	/** The six ASAM dimensions, as codes; their words are the message keys {@code plan.area.<code>}. */
	public static final List<String> ASAM = List.of("ASAM1_INTOXICATION_WITHDRAWAL", "ASAM2_BIOMEDICAL",
			"ASAM3_EMOTIONAL_BEHAVIOURAL", "ASAM4_READINESS_TO_CHANGE", "ASAM5_RELAPSE_POTENTIAL",
			"ASAM6_RECOVERY_ENVIRONMENT");

	private PlanAreas() {
	}
}
