package org.milieu.identity;

import java.util.Optional;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opening accounts and finding them; the password is hashed with Argon2id before it is kept. */
@Service
public class Accounts {

	private final AccountRepository repository;

	private final PasswordEncoder passwords;

	Accounts(AccountRepository repository, PasswordEncoder passwords) {
		this.repository = repository;
		this.passwords = passwords;
	}

	@Transactional
	public Account open(NewAccount command) {
		if (command.roles().isEmpty()) {
			throw new IllegalArgumentException("an account needs at least one role");
		}
		if (command.roles().contains(Role.RESIDENT) != (command.residentId() != null)) {
			throw new IllegalArgumentException("a resident account, and only one, points at a resident");
		}
		return repository.save(Account.open(command.programId().value(), command.username(), command.displayName(),
				command.password() == null ? null : passwords.encode(command.password()), command.roles(),
				command.residentId()));
	}

	@Transactional(readOnly = true)
	public Optional<Account> find(java.util.UUID id) {
		return repository.findById(id);
	}

	@Transactional(readOnly = true)
	public java.util.List<Account> list(org.milieu.shared.ProgramId program) {
		return repository.findByProgramIdOrderByUsername(program.value());
	}

	@Transactional(readOnly = true)
	public Optional<Account> findByUsername(String username) {
		return repository.findByUsername(username.toLowerCase(java.util.Locale.ROOT));
	}
}
