package org.milieu.work;

/** How a payout batch reached the residents. */
public enum PayoutMethod {
	CASH, CARD, COMMISSARY
}
