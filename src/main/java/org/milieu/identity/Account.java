package org.milieu.identity;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** Someone who signs in to Milieu, with the roles that decide what they may use. */
@Table("identity_account")
public class Account {

	@Id
	private final UUID id;

	private final UUID programId;

	private final String username;

	private String displayName;

	private String passwordHash;

	private final UUID residentId;

	private boolean enabled;

	@MappedCollection(idColumn = "account_id")
	private Set<AccountRole> roles;

	@Version
	private Integer version;

	@PersistenceCreator
	Account(UUID id, UUID programId, String username, String displayName, String passwordHash, UUID residentId,
			boolean enabled, Set<AccountRole> roles, Integer version) {
		this.id = id;
		this.programId = programId;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.residentId = residentId;
		this.enabled = enabled;
		this.roles = roles;
		this.version = version;
	}

	static Account open(UUID programId, String username, String displayName, String passwordHash, Set<Role> roles,
			UUID residentId) {
		return new Account(UUID.randomUUID(), programId, username.toLowerCase(java.util.Locale.ROOT), displayName,
				passwordHash, residentId, true, roles.stream().map(AccountRole::new).collect(Collectors.toSet()), null);
	}

	public UUID id() {
		return id;
	}

	public UUID programId() {
		return programId;
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	String passwordHash() {
		return passwordHash;
	}

	/** Whether a password has been set (an invited account has none until the invitation is accepted). */
	public boolean hasPassword() {
		return passwordHash != null;
	}

	public int version() {
		return version == null ? 0 : version;
	}

	void setPasswordHash(String hash) {
		this.passwordHash = hash;
	}

	void disable() {
		this.enabled = false;
	}

	void enable() {
		this.enabled = true;
	}

	void rename(String displayName) {
		this.displayName = displayName;
	}

	void grant(Set<Role> newRoles) {
		this.roles = newRoles.stream().map(AccountRole::new).collect(Collectors.toSet());
	}

	/** The resident this account belongs to, for RESIDENT accounts; otherwise null. */
	public UUID residentId() {
		return residentId;
	}

	public boolean enabled() {
		return enabled;
	}

	public Set<Role> roles() {
		return roles.stream().map(AccountRole::role).collect(Collectors.toUnmodifiableSet());
	}

	@Table("identity_account_role")
	record AccountRole(Role role) {
	}
}
