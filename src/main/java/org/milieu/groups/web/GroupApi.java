package org.milieu.groups.web;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import org.milieu.groups.GroupRules;
import org.milieu.groups.GroupSettings;
import org.milieu.groups.Grouping;
import org.milieu.groups.GroupingOverview;
import org.milieu.groups.Groupings;
import org.milieu.groups.SeparationRecord;
import org.milieu.identity.MilieuUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A house's small groups over JSON: the overview (settings, open proposal, grouping in force,
 * separations), a new proposal, moves by hand, approval, the history, the settings and the
 * separations. For the director and the staff and clinicians of the house (a list of levels data);
 * others get 403. Bad input is a 422 naming the field and changes nothing. Each member's reason comes
 * as its message key and arguments and as text in the request's language.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF', 'RESIDENT', 'FAMILY')")
class GroupApi {

	private final Groupings groupings;

	private final GroupRules rules;

	private final MessageSource messages;

	GroupApi(Groupings groupings, GroupRules rules, MessageSource messages) {
		this.groupings = groupings;
		this.rules = rules;
		this.messages = messages;
	}

	@GetMapping("/api/v1/houses/{houseId}/groups")
	ResponseEntity<OverviewResponse> overview(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId) {
		GroupingOverview o = groupings.overview(user, houseId);
		Locale locale = LocaleContextHolder.getLocale();
		return ok(new OverviewResponse(o.houseId(), o.houseName(), o.today(), SettingsResponse.of(o.settings()),
				o.proposal() == null ? null : GroupingResponse.of(o.proposal(), messages, locale),
				o.inForce() == null ? null : GroupingResponse.of(o.inForce(), messages, locale),
				o.separations().stream().map(SeparationResponse::of).toList()));
	}

	/** Proposes this week's grouping (next week's once this week's is approved); 201 with it. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/houses/{houseId}/groups/proposals")
	ResponseEntity<GroupingResponse> propose(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId) {
		Grouping proposal = groupings.propose(user, houseId);
		return ResponseEntity.created(URI.create("/api/v1/houses/" + houseId + "/groups/groupings/" + proposal.id()))
			.cacheControl(CacheControl.noStore())
			.body(GroupingResponse.of(proposal, messages, LocaleContextHolder.getLocale()));
	}

	@GetMapping("/api/v1/houses/{houseId}/groups/groupings/{groupingId}")
	ResponseEntity<GroupingResponse> grouping(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@PathVariable UUID groupingId) {
		return ok(GroupingResponse.of(groupings.find(user, houseId, groupingId), messages, LocaleContextHolder.getLocale()));
	}

	/** Moves a resident of the open proposal to another of its groups. */
	@PostMapping("/api/v1/houses/{houseId}/groups/groupings/{groupingId}/moves")
	ResponseEntity<GroupingResponse> move(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@PathVariable UUID groupingId, @RequestBody MoveRequest request) {
		return ok(GroupingResponse.of(groupings.move(user, houseId, groupingId, request.residentId(), request.groupId()),
				messages, LocaleContextHolder.getLocale()));
	}

	/** Approves the open proposal as it stands; records who and when. 409 when it is not open. */
	@PostMapping("/api/v1/houses/{houseId}/groups/groupings/{groupingId}/approval")
	ResponseEntity<GroupingResponse> approve(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@PathVariable UUID groupingId) {
		return ok(GroupingResponse.of(groupings.approve(user, houseId, groupingId), messages, LocaleContextHolder.getLocale()));
	}

	/** The approved groupings, newest first (the last 26). */
	@GetMapping("/api/v1/houses/{houseId}/groups/history")
	ResponseEntity<List<GroupingResponse>> history(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId) {
		Locale locale = LocaleContextHolder.getLocale();
		return ok(groupings.history(user, houseId).stream().map(g -> GroupingResponse.of(g, messages, locale)).toList());
	}

	@PutMapping("/api/v1/houses/{houseId}/groups/settings")
	ResponseEntity<SettingsResponse> settings(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@RequestBody SettingsRequest request) {
		return ok(SettingsResponse.of(rules.set(user, houseId, request.groupCount(), request.minSize(), request.maxSize(),
				request.structuredGroups())));
	}

	/** Keeps two residents of the house apart; 201 with the separation. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/houses/{houseId}/groups/separations")
	ResponseEntity<SeparationResponse> separate(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@RequestBody SeparationRequest request) {
		SeparationRecord s = rules.separate(user, houseId, request.residentA(), request.residentB(), request.kind(),
				request.reason());
		return ResponseEntity.created(URI.create("/api/v1/houses/" + houseId + "/groups/separations/" + s.id()))
			.cacheControl(CacheControl.noStore()).body(SeparationResponse.of(s));
	}

	/** Ends a separation; it is kept with who ended it. 204. */
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@PostMapping("/api/v1/houses/{houseId}/groups/separations/{separationId}/end")
	ResponseEntity<Void> endSeparation(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@PathVariable UUID separationId) {
		rules.endSeparation(user, houseId, separationId);
		return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
	}

	private static <T> ResponseEntity<T> ok(T body) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
	}

	record MoveRequest(@Schema(requiredMode = REQUIRED, description = "a resident of the proposal") @Nullable UUID residentId,
			@Schema(requiredMode = REQUIRED, description = "one of the proposal's groups") @Nullable UUID groupId) {
	}

	record SettingsRequest(
			@Schema(minimum = "1", maximum = "20", description = "the number of groups; null: as few as keep everyone within maxSize") @Nullable Integer groupCount,
			@Schema(requiredMode = REQUIRED, minimum = "2", maximum = "30", description = "the smallest a group should be (default 6)") @Nullable Integer minSize,
			@Schema(requiredMode = REQUIRED, minimum = "2", maximum = "30", description = "the largest a group should be (default 10)") @Nullable Integer maxSize,
			@Schema(requiredMode = REQUIRED, minimum = "0", maximum = "20", description = "how many of the groups, the first ones, are structured (they take newcomers)") @Nullable Integer structuredGroups) {
	}

	record SeparationRequest(@Schema(requiredMode = REQUIRED) @Nullable UUID residentA,
			@Schema(requiredMode = REQUIRED) @Nullable UUID residentB,
			@Schema(requiredMode = REQUIRED, allowableValues = { "KEEP_APART", "REQUIRED" }) @Nullable String kind,
			@Schema(requiredMode = REQUIRED, maxLength = 500) @Nullable String reason) {
	}

	record SettingsResponse(@Nullable Integer groupCount, int minSize, int maxSize, int structuredGroups, int revision) {

		static SettingsResponse of(GroupSettings s) {
			return new SettingsResponse(s.groupCount(), s.minSize(), s.maxSize(), s.structuredGroups(), s.revision());
		}
	}

	record MemberResponse(UUID residentId, String name, @Schema(description = "0: no level yet") int level, String reasonKey,
			List<String> reasonArgs, @Schema(description = "the reason in the request's language") String reason,
			boolean moved) {
	}

	record GroupResponse(UUID id, String label, String name, boolean structured, List<MemberResponse> members) {
	}

	record GroupingResponse(UUID id, UUID houseId, LocalDate startsOn, Grouping.Status status,
			@Schema(description = "residents in another group than in last week's approved grouping") int moves,
			String proposedBy, Instant proposedAt, @Nullable String approvedBy, @Nullable Instant approvedAt, int revision,
			List<GroupResponse> groups) {

		static GroupingResponse of(Grouping g, MessageSource messages, Locale locale) {
			return new GroupingResponse(g.id(), g.houseId(), g.startsOn(), g.status(), g.moves(), g.proposedBy(), g.proposedAt(),
					g.approvedBy(), g.approvedAt(), g.revision(), g.groups().stream()
						.map(group -> new GroupResponse(group.id(), group.label(),
								messages.getMessage("groups.group.name", new Object[] { group.label() }, locale),
								group.structured(), group.members().stream()
									.map(m -> new MemberResponse(m.residentId(), m.name(), m.level(), m.reasonKey(), m.reasonArgs(),
											messages.getMessage(m.reasonKey(), m.reasonArgs().toArray(), locale), m.moved()))
									.toList()))
						.toList());
		}
	}

	record SeparationResponse(UUID id, UUID residentA, String nameA, UUID residentB, String nameB, SeparationRecord.Kind kind,
			String reason, String setBy, Instant setAt) {

		static SeparationResponse of(SeparationRecord s) {
			return new SeparationResponse(s.id(), s.residentA(), s.nameA(), s.residentB(), s.nameB(), s.kind(), s.reason(),
					s.setBy(), s.setAt());
		}
	}

	record OverviewResponse(UUID houseId, String houseName, LocalDate today, SettingsResponse settings,
			@Nullable GroupingResponse proposal, @Nullable GroupingResponse inForce, List<SeparationResponse> separations) {
	}
}
