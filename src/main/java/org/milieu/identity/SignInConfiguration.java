package org.milieu.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password sign-in. The password is always checked first and the account's state (locked,
 * disabled) only afterwards, so an unknown user, a wrong password and a locked account take the
 * same time and get the same answer: nothing tells a guesser which user names exist.
 */
@Configuration(proxyBeanMethods = false)
class SignInConfiguration {

	@Bean
	DaoAuthenticationProvider authenticationProvider(AccountUserDetails accounts, PasswordEncoder passwords) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts);
		provider.setPasswordEncoder(passwords);
		provider.setPreAuthenticationChecks(user -> {
			// state is checked after the password, see the class comment
		});
		provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
		return provider;
	}
}
