package org.milieu.screening;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import static org.milieu.screening.Substance.*;

/**
 * The test a specimen was run on. A named panel tests a fixed set of substances, and a screen on
 * it must give a result for each of them and for no other; a custom panel tests whatever the
 * screen lists.
 */
public enum Panel {

	FIVE_PANEL(AMPHETAMINES, COCAINE, CANNABIS, OPIATES, PCP),
	TEN_PANEL(AMPHETAMINES, METHAMPHETAMINE, COCAINE, CANNABIS, OPIATES, OXYCODONE, METHADONE, BENZODIAZEPINES,
			BARBITURATES, PCP),
	TWELVE_PANEL(AMPHETAMINES, METHAMPHETAMINE, COCAINE, CANNABIS, OPIATES, OXYCODONE, FENTANYL, BUPRENORPHINE,
			METHADONE, BENZODIAZEPINES, BARBITURATES, PCP),
	ALCOHOL(Substance.ALCOHOL),
	CUSTOM;

	private final Set<Substance> substances;

	Panel(Substance... substances) {
		this.substances = substances.length == 0 ? Set.of()
				: Collections.unmodifiableSet(EnumSet.copyOf(Arrays.asList(substances)));
	}

	/** The substances this panel tests, in a fixed order; every substance for {@link #CUSTOM}. */
	public Set<Substance> substances() {
		return this == CUSTOM ? Collections.unmodifiableSet(EnumSet.allOf(Substance.class)) : substances;
	}

	/** Whether a screen on this panel may list exactly these substances. */
	public boolean accepts(Set<Substance> tested) {
		return this == CUSTOM ? !tested.isEmpty() : substances.equals(tested);
	}

	/** The message key of the panel's name. */
	public String nameKey() {
		return "screening.panel." + name();
	}
}
