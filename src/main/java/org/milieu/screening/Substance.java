package org.milieu.screening;

/** A substance (or class of substances) a screening panel tests for. */
public enum Substance {
	AMPHETAMINES, METHAMPHETAMINE, COCAINE, CANNABIS, OPIATES, OXYCODONE, FENTANYL, BUPRENORPHINE, METHADONE,
	BENZODIAZEPINES, BARBITURATES, PCP, MDMA, ALCOHOL;

	/** The message key of the substance's name. */
	public String nameKey() {
		return "screening.substance." + name();
	}
}
