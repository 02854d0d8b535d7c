package org.milieu.residents;

/** Who a house is for. */
public enum HouseKind {
	MEN, WOMEN, MIXED
}
