package org.milieu.identity;

import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Test fixture: acts as one of the demo community's people, loaded from the real accounts. */
@Component
public class DemoSignIns {

	private final Accounts accounts;

	DemoSignIns(Accounts accounts) {
		this.accounts = accounts;
	}

	public MilieuUser user(String username) {
		return new MilieuUser(accounts.findByUsername(username).orElseThrow());
	}

	/** A request post-processor signing the request in as {@code username}. */
	public RequestPostProcessor as(String username) {
		return SecurityMockMvcRequestPostProcessors.user(user(username));
	}
}
