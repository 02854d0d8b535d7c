package org.milieu.levels.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.privileges.AdjustmentKind;
import org.milieu.levels.privileges.Answer;
import org.milieu.levels.privileges.LevelPrivileges;
import org.milieu.levels.privileges.NewAdjustment;
import org.milieu.levels.privileges.NewPrivilege;
import org.milieu.levels.privileges.Privilege;
import org.milieu.levels.privileges.PrivilegeAdjustment;
import org.milieu.levels.privileges.PrivilegeCatalogue;
import org.milieu.levels.privileges.PrivilegeChange;
import org.milieu.levels.privileges.PrivilegeStatus;
import org.milieu.levels.privileges.RevisedPrivilege;
import org.milieu.platform.web.ETags;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Privileges over JSON: the program's catalogue (read by everyone of the program but family;
 * the director adds and changes privileges, on the version they read), a resident's privileges
 * with the reason for each, and individual grants and restrictions (clinicians and the
 * director). Bad input is a 422 naming the field, after the access policy has decided.
 */
@RestController
class PrivilegeApi {

	private final PrivilegeCatalogue catalogue;

	private final LevelPrivileges privileges;

	private final PrivilegeTexts texts;

	PrivilegeApi(PrivilegeCatalogue catalogue, LevelPrivileges privileges, PrivilegeTexts texts) {
		this.catalogue = catalogue;
		this.privileges = privileges;
		this.texts = texts;
	}

	/** The catalogue, offered or not, by level; names in the caller's language. */
	@GetMapping("/api/v1/privileges")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<List<PrivilegeResponse>> catalogue(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(catalogue.list(user.programId()).stream().map(p -> PrivilegeResponse.of(p, texts, null)).toList());
	}

	/** One privilege with its history, newest version first; the ETag is its version, for a PUT. */
	@GetMapping("/api/v1/privileges/{code}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT')")
	ResponseEntity<PrivilegeResponse> privilege(@AuthenticationPrincipal MilieuUser user, @PathVariable String code) {
		Privilege privilege = catalogue.find(user.programId(), code)
			.orElseThrow(() -> new org.milieu.shared.RecordNotFound("Privilege", code));
		return tagged(ResponseEntity.ok(), PrivilegeResponse.of(privilege, texts, catalogue.history(user.programId(), code)));
	}

	/** Adds a custom privilege; 201 with it. A taken or malformed code, or a level outside 1–4, is a 422. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/privileges")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PrivilegeResponse> add(@AuthenticationPrincipal MilieuUser user, @RequestBody NewPrivilegeRequest request) {
		Privilege added = catalogue.add(user,
				new NewPrivilege(request.code(), request.name(), request.description(), request.minLevel(), request.reason()));
		return tagged(ResponseEntity.created(URI.create("/api/v1/privileges/" + added.code())),
				PrivilegeResponse.of(added, texts, null));
	}

	/** Changes a privilege's level and whether it is offered (and a custom one's words); needs If-Match. */
	@PutMapping("/api/v1/privileges/{code}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<PrivilegeResponse> revise(@AuthenticationPrincipal MilieuUser user, @PathVariable String code,
			@io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody RevisePrivilegeRequest request) {
		int expected = ETags.requireVersion(ifMatch, "Privilege");
		Privilege revised = catalogue.revise(user, code, expected, new RevisedPrivilege(request.minLevel(), request.active(),
				request.name(), request.description(), request.reason()));
		return tagged(ResponseEntity.ok(), PrivilegeResponse.of(revised, texts, null));
	}

	/** Every privilege for one resident: allowed or not, why, and the grants and restrictions in force. */
	@GetMapping("/api/v1/residents/{id}/privileges")
	ResponseEntity<List<StatusResponse>> ofResident(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(privileges.of(user, id).stream().map(s -> StatusResponse.of(s, texts)).toList());
	}

	/** Grants or restricts a privilege for a resident; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/privilege-adjustments")
	ResponseEntity<PrivilegeAdjustment> adjust(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody AdjustmentRequest request) {
		PrivilegeAdjustment adjustment = privileges.adjust(user, id, new NewAdjustment(request.privilegeCode(),
				request.kind(), instant(request.from()), instant(request.until()), request.reason()));
		return ResponseEntity.created(URI.create("/api/v1/privilege-adjustments/" + adjustment.id()))
			.cacheControl(CacheControl.noStore()).body(adjustment);
	}

	/** Ends a grant or restriction early, with the reason; 200 with it. One already ended is a 422 naming {@code adjustment}. */
	@PostMapping("/api/v1/privilege-adjustments/{id}/end")
	ResponseEntity<PrivilegeAdjustment> end(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestBody(required = false) EndRequest request) {
		PrivilegeAdjustment ended = privileges.end(user, id, request == null ? null : request.reason());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(ended);
	}

	private static ResponseEntity<PrivilegeResponse> tagged(ResponseEntity.BodyBuilder builder, PrivilegeResponse body) {
		return builder.eTag(ETags.of(body.version())).cacheControl(CacheControl.noStore()).body(body);
	}

	private static Instant instant(OffsetDateTime at) {
		return at == null ? null : at.toInstant();
	}

	record NewPrivilegeRequest(
			@Schema(requiredMode = REQUIRED, pattern = "^\\s*[A-Z][A-Z0-9_]{1,39}\\s*$") String code, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 120) String name,
			@Schema(maxLength = 500) String description, @Schema(requiredMode = REQUIRED, minimum = "1", maximum = "4") Integer minLevel,
			@Schema(maxLength = 500) String reason) {
	}

	record RevisePrivilegeRequest(@Schema(requiredMode = REQUIRED, minimum = "1", maximum = "4") Integer minLevel,
			@Schema(requiredMode = REQUIRED) Boolean active,
			@Schema(maxLength = 120, description = "required for a custom privilege; left out for a built-in one") String name,
			@Schema(maxLength = 500) String description, @Schema(maxLength = 500) String reason) {
	}

	record AdjustmentRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S") String privilegeCode, @Schema(requiredMode = REQUIRED) AdjustmentKind kind,
			OffsetDateTime from, OffsetDateTime until, @Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record EndRequest(@Schema(requiredMode = REQUIRED, pattern = "\\S", maxLength = 2000) String reason) {
	}

	record PrivilegeResponse(String code, String name, @Nullable String description, int minLevel, boolean active, boolean custom,
			int version, String changedBy, Instant changedAt, @Nullable List<PrivilegeChange> history) {

		static PrivilegeResponse of(Privilege p, PrivilegeTexts texts, List<PrivilegeChange> history) {
			return new PrivilegeResponse(p.code(), texts.name(p), texts.description(p), p.minLevel(), p.active(), p.custom(),
					p.version(), p.changedBy(), p.changedAt(), history);
		}
	}

	record StatusResponse(String code, String name, int minLevel, boolean active, boolean allowed, Answer.Basis basis,
			String reason, String reasonKey, List<Object> reasonArguments, List<PrivilegeAdjustment> adjustments) {

		static StatusResponse of(PrivilegeStatus s, PrivilegeTexts texts) {
			Privilege p = s.privilege();
			return new StatusResponse(p.code(), texts.name(p), p.minLevel(), p.active(), s.allowed(), s.answer().basis(),
					texts.reason(s.answer()), s.answer().reasonKey(), s.answer().arguments(), s.inForce());
		}
	}
}
