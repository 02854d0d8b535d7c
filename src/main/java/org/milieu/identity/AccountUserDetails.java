package org.milieu.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the account behind a sign-in attempt. */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Accounts accounts;

	AccountUserDetails(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username).map(MilieuUser::new)
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}
}
