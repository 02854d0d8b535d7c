package org.milieu.identity.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.milieu.identity.Account;
import org.milieu.identity.AccountAdministration;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.Invitation;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.Idempotency;
import org.milieu.identity.NewInvitation;
import org.milieu.identity.Role;
import org.milieu.platform.web.ETags;
import org.milieu.shared.RecordNotFound;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Accounts over JSON, for the program director. */
@RestController
@RequestMapping("/api/v1/users")
@PreAuthorize("hasRole('ADMIN')")
class UserApi {

	private final Accounts accounts;

	private final AccountAdministration administration;

	private final CareRelationships care;

	UserApi(Accounts accounts, AccountAdministration administration, CareRelationships care) {
		this.accounts = accounts;
		this.administration = administration;
		this.care = care;
	}

	@GetMapping
	ResponseEntity<List<UserResponse>> list(@AuthenticationPrincipal MilieuUser admin) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(accounts.list(admin.programId()).stream().map(a -> UserResponse.of(a, care.houses(a.id()), null)).toList());
	}

	@GetMapping("/{id}")
	ResponseEntity<UserResponse> get(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id) {
		return tagged(ResponseEntity.ok(), UserResponse.of(own(admin, id), care.houses(id), null));
	}

	/** Creates the account and answers with its one-time invitation link (shown only here). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<UserResponse> invite(@AuthenticationPrincipal MilieuUser admin, @Valid @RequestBody NewUserRequest request,
			HttpServletRequest http) {
		Idempotency.withholdAnswer(http);
		Invitation invitation = administration.invite(admin, new NewInvitation(request.username(), request.displayName(),
				request.roles(), request.houseIds() == null ? Set.of() : request.houseIds(), request.residentId()));
		Account account = invitation.account();
		return tagged(ResponseEntity.created(URI.create("/api/v1/users/" + account.id())),
				UserResponse.of(account, care.houses(account.id()), InvitationLink.of(invitation, http)));
	}

	@PutMapping("/{id}")
	ResponseEntity<UserResponse> revise(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody UserRequest request) {
		int expected = ETags.requireVersion(ifMatch, "Account");
		Account account = administration.revise(admin, id, expected, request.displayName(), request.roles(),
				request.houseIds() == null ? Set.of() : request.houseIds());
		return tagged(ResponseEntity.ok(), UserResponse.of(account, care.houses(id), null));
	}

	@PostMapping("/{id}/disable")
	ResponseEntity<UserResponse> disable(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id) {
		Account account = administration.disable(admin, id);
		return tagged(ResponseEntity.ok(), UserResponse.of(account, care.houses(id), null));
	}

	@PostMapping("/{id}/enable")
	ResponseEntity<UserResponse> enable(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id) {
		Account account = administration.enable(admin, id);
		return tagged(ResponseEntity.ok(), UserResponse.of(account, care.houses(id), null));
	}

	/** Removes a lost second factor (authenticator and recovery codes) and ends the sessions. */
	@PostMapping("/{id}/second-factor/reset")
	ResponseEntity<UserResponse> resetSecondFactor(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id) {
		Account account = administration.resetSecondFactor(admin, id);
		return tagged(ResponseEntity.ok(), UserResponse.of(account, care.houses(id), null));
	}

	/** Resets access: clears the password, ends the sessions, answers with a new invitation link. */
	@PostMapping("/{id}/invitation")
	ResponseEntity<UserResponse> resetAccess(@AuthenticationPrincipal MilieuUser admin, @PathVariable UUID id,
			HttpServletRequest http) {
		Idempotency.withholdAnswer(http);
		Invitation invitation = administration.resetAccess(admin, id);
		return tagged(ResponseEntity.ok(), UserResponse.of(invitation.account(), care.houses(id), InvitationLink.of(invitation, http)));
	}

	private Account own(MilieuUser admin, UUID id) {
		return accounts.find(id).filter(a -> a.programId().equals(admin.programId().value()))
			.orElseThrow(() -> new RecordNotFound("Account", id));
	}

	private static ResponseEntity<UserResponse> tagged(ResponseEntity.BodyBuilder builder, UserResponse body) {
		return builder.eTag(ETags.of(body.version())).cacheControl(CacheControl.noStore()).body(body);
	}

	record NewUserRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 120) String displayName,
			@NotEmpty Set<Role> roles, Set<UUID> houseIds, UUID residentId) {
	}

	record UserRequest(@NotBlank @Size(max = 120) String displayName, @NotEmpty Set<Role> roles, Set<UUID> houseIds) {
	}

	record InvitationLink(String url, Instant expiresAt) {

		static InvitationLink of(Invitation invitation, HttpServletRequest http) {
			return new InvitationLink(InvitationUrls.of(http, invitation.token()), invitation.expiresAt());
		}
	}

	record UserResponse(UUID id, String username, String displayName, Set<Role> roles, Set<UUID> houseIds,
			@Nullable UUID residentId, boolean enabled, boolean passwordSet, int version, @Nullable InvitationLink invitation) {

		static UserResponse of(Account a, Set<UUID> houses, InvitationLink invitation) {
			return new UserResponse(a.id(), a.username(), a.displayName(), a.roles(), houses, a.residentId(), a.enabled(),
					a.hasPassword(), a.version(), invitation);
		}
	}
}
