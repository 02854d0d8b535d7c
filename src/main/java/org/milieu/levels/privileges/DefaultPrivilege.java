package org.milieu.levels.privileges;

/**
 * The privileges every program starts with, and the level each comes with by default (the
 * director may change the level or stop offering one). Their names and descriptions come from
 * the message bundles by code, so they read in each person's language.
 */
public enum DefaultPrivilege {

	/** Scheduled phone calls to family and supporters. */
	PHONE_TIME(1),
	/** Visits at the house during visiting hours. */
	VISITS(2),
	/** Going out on a pass, signed out by staff. */
	OFF_SITE_PASS(2),
	/** Keeping one's own mobile phone. */
	OWN_PHONE(3),
	/** Visits without staff present, on or off the premises. */
	UNSUPERVISED_VISITS(3),
	/** The senior jobs of the work programme (crew lead, kitchen lead). */
	SENIOR_JOBS(3),
	/** Standing for an office of the client government. */
	GOVERNMENT_OFFICE(3),
	/** Coordinating a work crew: marking crew members' work done, for staff to verify. */
	WORK_COORDINATOR(3),
	/** An evening out with peers, back by curfew. */
	EVENING_OUT(4),
	/** Mentoring a newer resident as a senior resident. */
	MENTOR_ROLE(4);

	private final int minLevel;

	DefaultPrivilege(int minLevel) {
		this.minLevel = minLevel;
	}

	/** The level the privilege comes with unless the program changes it. */
	public int minLevel() {
		return minLevel;
	}

	/** The message key of the privilege's name, e.g. {@code privilege.PHONE_TIME.name}. */
	public String nameKey() {
		return "privilege." + name() + ".name";
	}

	/** The message key of the privilege's description. */
	public String descriptionKey() {
		return "privilege." + name() + ".description";
	}
}
