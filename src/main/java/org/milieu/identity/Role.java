package org.milieu.identity;

/** What a person is in the community; it decides what they may use. */
public enum Role {

	/** Program director or administrator: sets up the program and sees all of it. */
	ADMIN,
	/** Counselor, therapist or prescriber. */
	CLINICIAN,
	/** Milieu staff and nurses on shift. */
	STAFF,
	/** A client of the program. */
	RESIDENT,
	/** A resident's family member, seeing only what the resident consented to share. */
	FAMILY;

	/** The Spring Security authority for this role. */
	public String authority() {
		return "ROLE_" + name();
	}
}
