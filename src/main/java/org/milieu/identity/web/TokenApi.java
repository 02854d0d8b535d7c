package org.milieu.identity.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.ApiTokens;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.Idempotency;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The caller's own personal access tokens. */
@RestController
@RequestMapping("/api/v1/tokens")
class TokenApi {

	private final ApiTokens tokens;

	TokenApi(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	ResponseEntity<List<ApiTokens.TokenInfo>> list(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(tokens.list(user));
	}

	/** Creates a token, shown in this answer only. A token cannot be used to create another. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	ResponseEntity<ApiTokens.IssuedToken> create(@AuthenticationPrincipal MilieuUser user, Authentication auth,
			@Valid @RequestBody NewToken request, HttpServletRequest http) {
		Idempotency.withholdAnswer(http);
		if (SignInStages.holds(auth, BearerTokenFilter.VIA_TOKEN)) {
			throw new AccessDeniedException("tokens are created from a signed-in session, not with another token");
		}
		ApiTokens.IssuedToken issued = tokens.create(user, request.name(), request.expiresInDays());
		return ResponseEntity.created(URI.create("/api/v1/tokens/" + issued.id())).cacheControl(CacheControl.noStore())
			.body(issued);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		tokens.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	record NewToken(@NotBlank @Size(max = 80) String name, @NotNull @Min(1) @Max(ApiTokens.MAX_DAYS) Integer expiresInDays) {
	}
}
