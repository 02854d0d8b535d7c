package org.milieu.levels.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.Explode;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.enums.ParameterStyle;
import org.jspecify.annotations.Nullable;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.HistoryEntry;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.ResidentHistories;
import org.milieu.levels.ShiftKind;
import org.milieu.levels.facts.FactKind;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.DataCategory;
import org.milieu.shared.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A resident's history over JSON: ratings, observation checks and facts over a date range, one paged listing. */
@RestController
class ResidentHistoryApi {

	private final ResidentHistories histories;

	private final org.milieu.levels.ShiftRatings ratings;

	ResidentHistoryApi(ResidentHistories histories, org.milieu.levels.ShiftRatings ratings) {
		this.histories = histories;
		this.ratings = ratings;
	}

	/**
	 * The resident's ratings, checks and facts from {@code from} to {@code to} (by default the last 30
	 * days up to today; at most 366 days), newest first, of the kinds named in {@code kind} (by
	 * default all), cursor paged.
	 */
	@GetMapping("/api/v1/residents/{id}/history")
	ResponseEntity<CursorPage<EntryResponse>> history(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@Parameter(description = "the kinds to list, comma separated (rating, check, fact); all by default",
					in = ParameterIn.QUERY, style = ParameterStyle.FORM, explode = Explode.FALSE) @RequestParam(required = false) List<KindFilter> kind,
			PageRequest page) {
		LocalDate until = to != null ? to : ratings.currentShift(user.programId()).date();
		LocalDate since = from != null ? from : until.minusDays(29);
		Set<HistoryEntry.Kind> kinds = EnumSet.noneOf(HistoryEntry.Kind.class);
		if (kind == null || kind.isEmpty()) {
			kinds.addAll(EnumSet.allOf(HistoryEntry.Kind.class));
		}
		else {
			kind.forEach(k -> kinds.add(k.kind));
		}
		return Paging.ok(histories.list(user, id, since, until, kinds, page).map(EntryResponse::of));
	}

	/** The {@code kind} filter as the API spells it; any other value is a 400 naming {@code kind}. */
	enum KindFilter {
		rating(HistoryEntry.Kind.RATING), check(HistoryEntry.Kind.CHECK), fact(HistoryEntry.Kind.FACT);

		final HistoryEntry.Kind kind;

		KindFilter(HistoryEntry.Kind kind) {
			this.kind = kind;
		}
	}

	record EntryResponse(HistoryEntry.Kind kind, UUID id, Instant at, LocalDate date, DataCategory category,
			String recordedBy, @Nullable RatingResponse rating, @Nullable CheckResponse check,
			@Nullable FactResponse fact) {

		static EntryResponse of(HistoryEntry e) {
			return new EntryResponse(e.kind(), e.id(), e.at(), e.date(), e.category(), e.recordedBy(),
					e.rating() == null ? null
							: new RatingResponse(e.rating().sheetId(), e.rating().shift(), e.rating().domain(),
									e.rating().value(), e.rating().late()),
					e.check() == null ? null
							: new CheckResponse(e.check().orderId(), e.check().location(), e.check().activity(),
									e.check().safetyConcern()),
					e.fact() == null ? null : new FactResponse(e.fact().kind(), e.fact().outcome(), e.fact().detail()));
		}
	}

	record RatingResponse(UUID sheetId, ShiftKind shift, RatingDomain domain, int value, boolean late) {
	}

	record CheckResponse(UUID orderId, String location, String activity, boolean safetyConcern) {
	}

	record FactResponse(FactKind kind, String outcome, @Nullable String detail) {
	}
}
