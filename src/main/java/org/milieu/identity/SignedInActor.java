package org.milieu.identity;

import org.milieu.audit.Actor;
import org.milieu.audit.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in person of the current request, as the audit trail names them. */
@Component
class SignedInActor implements CurrentActor {

	@Override
	public Actor get() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof MilieuUser user) {
			return user.actor();
		}
		return Actor.unknown(auth == null ? null : auth.getName());
	}
}
