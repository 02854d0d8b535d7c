package org.milieu.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Loads the account behind a sign-in attempt. */
@Component
class AccountUserDetails implements UserDetailsService {

	private final Accounts accounts;

	private final SignInThrottle throttle;

	AccountUserDetails(Accounts accounts, SignInThrottle throttle) {
		this.accounts = accounts;
		this.throttle = throttle;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return accounts.findByUsername(username).map(account -> new MilieuUser(account, throttle.isLocked(account.id())))
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
	}
}
