package org.milieu.residents;

/** How a stay ended. */
public enum DischargeType {
	COMPLETED, TRANSFERRED, AGAINST_ADVICE, ADMINISTRATIVE
}
