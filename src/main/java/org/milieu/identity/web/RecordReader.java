package org.milieu.identity.web;

import java.util.Set;

import org.milieu.identity.MilieuUser;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Who reads the page, as the resident-name fragment ({@code fragments/ui :: residentLink}) needs to
 * know it: whether a staff role links each name to the resident's record, or which resident's own
 * name links to their stay. Worked out once per request from the signed-in person's roles, instead
 * of once per name shown (the census shows 1,500 names, and each evaluation of a security
 * expression in the template parsed and ran it anew).
 */
@ControllerAdvice
class RecordReader {

	private static final Set<String> STAFF = Set.of("ROLE_ADMIN", "ROLE_CLINICIAN", "ROLE_STAFF");

	/**
	 * @param staff whether the reader has a staff role (director, clinician, staff), whose names
	 *        link to the resident's record
	 * @param ownResidentId the reader's own resident id, as text, when they are a resident reading
	 *        without a staff role; otherwise null
	 */
	record Reader(boolean staff, String ownResidentId) {
	}

	@ModelAttribute("recordReader")
	Reader recordReader(Authentication who) {
		if (who == null || !who.isAuthenticated()) {
			return new Reader(false, null);
		}
		boolean staff = false;
		boolean resident = false;
		for (GrantedAuthority authority : who.getAuthorities()) {
			staff |= STAFF.contains(authority.getAuthority());
			resident |= "ROLE_RESIDENT".equals(authority.getAuthority());
		}
		String own = !staff && resident && who.getPrincipal() instanceof MilieuUser user && user.residentId() != null
				? user.residentId().toString() : null;
		return new Reader(staff, own);
	}
}
