package org.milieu.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.shared.ProgramId;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the rest of Milieu sees them: account, program, roles and, for a
 * resident, their own resident id. Kept in the database-backed session, so it holds no secrets
 * beyond what sign-in needs and is erased of its password hash afterwards.
 */
public final class MilieuUser implements UserDetails, org.springframework.security.core.CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final UUID accountId;

	private final UUID programId;

	private final String username;

	private final String displayName;

	private final Set<Role> roles;

	private final UUID residentId;

	private final boolean enabled;

	private String passwordHash;

	private final boolean locked;

	MilieuUser(Account account) {
		this(account, false);
	}

	MilieuUser(Account account, boolean locked) {
		this.locked = locked;
		this.accountId = account.id();
		this.programId = account.programId();
		this.username = account.username();
		this.displayName = account.displayName();
		this.roles = Set.copyOf(account.roles());
		this.residentId = account.residentId();
		this.enabled = account.enabled();
		this.passwordHash = account.passwordHash();
	}

	public UUID accountId() {
		return accountId;
	}

	public ProgramId programId() {
		return new ProgramId(programId);
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	/** This person as the audit trail names them: account, program, user name and roles. */
	public org.milieu.audit.Actor actor() {
		String roleNames = roles.stream().map(Role::name).sorted().collect(Collectors.joining(","));
		return new org.milieu.audit.Actor(programId, accountId, username, roleNames);
	}

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/** The resident this person is, or null for anyone who is not a resident. */
	public UUID residentId() {
		return residentId;
	}

	/**
	 * The signed-in person when they are a resident with a resident record; empty for staff, family,
	 * an anonymous request, or any other kind of principal.
	 */
	public static java.util.Optional<MilieuUser> signedInResident(org.springframework.security.core.Authentication who) {
		if (who != null && who.getPrincipal() instanceof MilieuUser user && user.has(Role.RESIDENT)
				&& user.residentId() != null) {
			return java.util.Optional.of(user);
		}
		return java.util.Optional.empty();
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toUnmodifiableSet());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}
}
