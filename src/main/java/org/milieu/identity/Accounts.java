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

	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	Accounts(AccountRepository repository, PasswordEncoder passwords, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.repository = repository;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** The display names of these accounts, in one query (for lists that name many people). */
	@Transactional(readOnly = true)
	public java.util.Map<java.util.UUID, String> displayNames(java.util.Collection<java.util.UUID> ids) {
		java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
		if (ids.isEmpty()) {
			return names;
		}
		jdbc.sql("select id, display_name from identity_account where id in (:ids)")
			.param("ids", java.util.Set.copyOf(ids))
			.query((rs, n) -> names.put(rs.getObject("id", java.util.UUID.class), rs.getString("display_name")))
			.list();
		return names;
	}

	/**
	 * The display names of the program's accounts of these residents (by resident id) and of these
	 * staff usernames (accounts without a resident), in one query, without loading the accounts.
	 */
	@Transactional(readOnly = true)
	public AccountNames names(org.milieu.shared.ProgramId program, java.util.Collection<java.util.UUID> residentIds,
			java.util.Collection<String> usernames) {
		java.util.Map<java.util.UUID, String> residents = new java.util.HashMap<>();
		java.util.Map<String, String> staff = new java.util.HashMap<>();
		if (!residentIds.isEmpty() || !usernames.isEmpty()) {
			jdbc.sql("""
					select username, display_name, resident_id from identity_account
					 where program_id = ? and (resident_id = any(?) or (resident_id is null and username = any(?)))""")
				.params(program.value(), residentIds.toArray(java.util.UUID[]::new), usernames.toArray(String[]::new))
				.query((rs, n) -> {
					java.util.UUID resident = rs.getObject("resident_id", java.util.UUID.class);
					if (resident != null) {
						residents.put(resident, rs.getString("display_name"));
					}
					else {
						staff.put(rs.getString("username"), rs.getString("display_name"));
					}
					return null;
				})
				.list();
		}
		return new AccountNames(residents, staff);
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
