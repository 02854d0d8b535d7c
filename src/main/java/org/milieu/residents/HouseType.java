package org.milieu.residents;

/**
 * What kind of setting a house is. A residential house is a therapeutic-community residence with
 * staff on shift; a sober home is a peer-run recovery residence with less clinical care; an
 * outpatient cohort is a group of participants who live at home, so it may have no beds.
 */
public enum HouseType {
	RESIDENTIAL, SOBER_HOME, OUTPATIENT_COHORT
}
