package org.milieu.levels.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.levels.RateSheet;
import org.milieu.levels.RatingDomain;
import org.milieu.levels.RatingSheet;
import org.milieu.levels.ShiftKind;
import org.milieu.levels.ShiftRating;
import org.milieu.levels.ShiftRatings;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Shift ratings (the point sheet) over JSON: a whole sheet, corrections, and a resident's ratings. */
@RestController
class ShiftRatingApi {

	private final ShiftRatings ratings;

	ShiftRatingApi(ShiftRatings ratings) {
		this.ratings = ratings;
	}

	/** Records a house's sheet for one shift; a second sheet for the same shift is refused (correct instead). */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/houses/{id}/shift-ratings")
	ResponseEntity<SheetResponse> rateSheet(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody SheetRequest request) {
		RatingSheet sheet = ratings.rateSheet(user, id, request.command());
		return ResponseEntity
			.created(URI.create("/api/v1/houses/" + id + "/shift-ratings?date=" + sheet.shiftDate() + "&shift=" + sheet.shift()))
			.cacheControl(CacheControl.noStore())
			.body(SheetResponse.of(sheet));
	}

	/** The house's sheet for one shift with its current ratings (none yet is an empty list). */
	@GetMapping("/api/v1/houses/{id}/shift-ratings")
	ResponseEntity<SheetResponse> sheet(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, @RequestParam ShiftKind shift) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(SheetResponse.of(ratings.sheet(user, id, date, shift)));
	}

	/** Corrects one rating: the new one supersedes it, and the old one is kept. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/shift-ratings/{entryId}/corrections")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<RatingResponse> correct(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID entryId,
			@Valid @RequestBody CorrectionRequest request) {
		ShiftRating corrected = ratings.correct(user, entryId, request.value(), request.note());
		return ResponseEntity.created(URI.create("/api/v1/residents/" + corrected.residentId() + "/shift-ratings"))
			.cacheControl(CacheControl.noStore())
			.body(RatingResponse.of(corrected));
	}

	/** A resident's current ratings between two dates (by default the last 28 days); a resident reads their own. */
	@GetMapping("/api/v1/residents/{id}/shift-ratings")
	ResponseEntity<List<RatingResponse>> forResident(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		LocalDate until = to != null ? to : ratings.currentShift(user.programId()).date();
		LocalDate since = from != null ? from : until.minusDays(28);
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ratings.forResident(user, id, since, until).stream().map(RatingResponse::of).toList());
	}

	record SheetRequest(@NotNull LocalDate shiftDate, @NotNull ShiftKind shift,
			@NotEmpty @Size(max = 200) List<@Valid @NotNull EntryRequest> entries) {

		RateSheet command() {
			return new RateSheet(shiftDate, shift, entries.stream()
				.map(e -> new RateSheet.Entry(e.residentId(), e.ratings().stream()
					.map(r -> new RateSheet.Rating(r.domain(), r.value(), r.note())).toList()))
				.toList());
		}
	}

	record EntryRequest(@NotNull UUID residentId, @NotEmpty @Size(max = 6) List<@Valid @NotNull RatingRequest> ratings) {
	}

	record RatingRequest(@NotNull RatingDomain domain, @NotNull Integer value, @Size(max = 2000) String note) {
	}

	record CorrectionRequest(@NotNull Integer value, @Size(max = 2000) String note) {
	}

	record SheetResponse(@Nullable UUID id, UUID houseId, LocalDate shiftDate, ShiftKind shift, boolean lateNow,
			List<RatingResponse> entries) {

		static SheetResponse of(RatingSheet sheet) {
			return new SheetResponse(sheet.id(), sheet.houseId(), sheet.shiftDate(), sheet.shift(), sheet.lateNow(),
					sheet.entries().stream().map(RatingResponse::of).toList());
		}
	}

	record RatingResponse(UUID id, UUID residentId, UUID houseId, LocalDate shiftDate, ShiftKind shift,
			RatingDomain domain, int value, @Nullable String note, String ratedBy, Instant ratedAt, boolean late, @Nullable UUID supersedes) {

		static RatingResponse of(ShiftRating r) {
			return new RatingResponse(r.id(), r.residentId(), r.houseId(), r.shiftDate(), r.shift(), r.domain(), r.value(),
					r.note(), r.ratedBy(), r.ratedAt(), r.late(), r.supersedes());
		}
	}
}
