package org.milieu.plans.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.plans.ItemKind;
import org.milieu.plans.PlanTemplate;
import org.milieu.plans.PlanTemplates;
import org.milieu.plans.PlanVersion;
import org.milieu.plans.TemplateDraft;
import org.milieu.platform.web.ETags;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The program's plan templates over JSON (the director writes, rewrites and retires them; the
 * clinicians read them), and a template added to a resident's draft. The rules are the service's:
 * bad input is a 422 naming the field, a stale If-Match a 412.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
class PlanTemplateApi {

	private final PlanTemplates templates;

	PlanTemplateApi(PlanTemplates templates) {
		this.templates = templates;
	}

	/** The program's templates in use, by name, each with its parts (a short catalogue, not paged). */
	@GetMapping("/api/v1/plan-templates")
	ResponseEntity<List<TemplateResponse>> list(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(templates.templates(user).stream().map(TemplateResponse::of).toList());
	}

	/** The director writes a template; 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/plan-templates")
	ResponseEntity<TemplateResponse> create(@AuthenticationPrincipal MilieuUser user,
			@RequestBody TemplateRequest request) {
		PlanTemplate created = templates.create(user, request.draft());
		return ResponseEntity.created(URI.create("/api/v1/plan-templates/" + created.id()))
			.eTag(ETags.of(created.revision())).cacheControl(CacheControl.noStore()).body(TemplateResponse.of(created));
	}

	/** One template; ETag: its revision. */
	@GetMapping("/api/v1/plan-templates/{id}")
	ResponseEntity<TemplateResponse> read(@AuthenticationPrincipal MilieuUser user, @PathVariable("id") UUID templateId) {
		PlanTemplate found = templates.template(user, templateId);
		return ResponseEntity.ok().eTag(ETags.of(found.revision())).cacheControl(CacheControl.noStore())
			.body(TemplateResponse.of(found));
	}

	/** The director rewrites a template as a whole; needs If-Match with the revision read. */
	@PutMapping("/api/v1/plan-templates/{id}")
	ResponseEntity<TemplateResponse> revise(@AuthenticationPrincipal MilieuUser user, @PathVariable("id") UUID templateId,
			@Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch,
			@RequestBody TemplateRequest request) {
		int expected = ETags.requireVersion(ifMatch, "PlanTemplate");
		PlanTemplate revised = templates.revise(user, templateId, expected, request.draft());
		return ResponseEntity.ok().eTag(ETags.of(revised.revision())).cacheControl(CacheControl.noStore())
			.body(TemplateResponse.of(revised));
	}

	/** The director retires a template (it is no longer offered); 204. If-Match, when sent, must match. */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/plan-templates/{id}")
	ResponseEntity<Void> retire(@AuthenticationPrincipal MilieuUser user, @PathVariable("id") UUID templateId,
			@RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch) {
		templates.retire(user, templateId, ifMatch == null ? null : ETags.requireVersion(ifMatch, "PlanTemplate"));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Adds a template's parts to a draft, each naming the template until it is made the resident's own;
	 * 201 with the version. If-Match, when sent, must be the draft's revision.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/plan/versions/{number}/template-applications")
	ResponseEntity<PlanApi.VersionResponse> apply(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable int number, @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
			@RequestBody ApplicationRequest request) {
		PlanVersion version = templates.apply(user, id, number, request.templateId(),
				ifMatch == null ? null : ETags.requireVersion(ifMatch, "TreatmentPlanVersion"));
		return ResponseEntity.created(URI.create("/api/v1/residents/" + id + "/plan/versions/" + number))
			.eTag(ETags.of(version.revision())).cacheControl(CacheControl.noStore())
			.body(PlanApi.VersionResponse.of(version, List.of()));
	}

	record ApplicationRequest(@Schema(requiredMode = REQUIRED) UUID templateId) {
	}

	record TemplateRequest(@Schema(requiredMode = REQUIRED, maxLength = 120) String name,
			@Schema(requiredMode = REQUIRED, description = "the problem's area: one of the six ASAM dimensions") String area,
			@Schema(requiredMode = REQUIRED, maxLength = 2000, description = "the problem, as a resident might say it") String problemText,
			@Schema(maxLength = 2000, description = "the problem in clinical words") @Nullable String clinicalText,
			@Nullable List<PartRequest> parts) {

		TemplateDraft draft() {
			return new TemplateDraft(name, area, problemText, clinicalText, parts == null ? List.of()
					: parts.stream().map(p -> p == null ? null : new PlanTemplate.Part(p.kind(), p.text(), p.measure(),
							p.targetOffsetDays(), p.responsible(), p.frequency())).toList());
		}
	}

	record PartRequest(@Schema(requiredMode = REQUIRED, description = "GOAL, OBJECTIVE or INTERVENTION") ItemKind kind,
			@Schema(requiredMode = REQUIRED, maxLength = 2000) String text,
			@Schema(maxLength = 1000, description = "how an objective is measured (required for one)") @Nullable String measure,
			@Schema(minimum = "1", maximum = "730", description = "an objective's target: days after the version starts (required for one)") @Nullable Integer targetOffsetDays,
			@Schema(maxLength = 200, description = "who carries out an intervention (required for one)") @Nullable String responsible,
			@Schema(maxLength = 200, description = "how often (required for an intervention)") @Nullable String frequency) {
	}

	record TemplateResponse(UUID id, String name, String area, String problemText, @Nullable String clinicalText,
			int revision, boolean retired, List<PartRequest> parts) {

		static TemplateResponse of(PlanTemplate t) {
			return new TemplateResponse(t.id(), t.name(), t.area(), t.problemText(), t.clinicalText(), t.revision(),
					t.retired(), t.parts().stream().map(p -> new PartRequest(p.kind(), p.text(), p.measure(),
							p.targetOffsetDays(), p.responsible(), p.frequency())).toList());
		}
	}
}
