package org.milieu.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The absolute address of an invitation link, built from the address the director used. */
final class InvitationUrls {

	private InvitationUrls() {
	}

	static String of(HttpServletRequest request, String token) {
		return ServletUriComponentsBuilder.fromContextPath(request).path("/invitation/{token}").buildAndExpand(token)
			.toUriString();
	}
}
