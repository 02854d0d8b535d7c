package org.milieu.staffing.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.staffing.CheckIn;
import org.milieu.staffing.CheckIns;
import org.milieu.staffing.HandOffNote;
import org.milieu.staffing.HandOffNotes;
import org.milieu.staffing.HouseStaffing;
import org.milieu.staffing.RatioAlert;
import org.milieu.staffing.RatioAlerts;
import org.milieu.staffing.RatioHistory;
import org.milieu.staffing.RosterEntry;
import org.milieu.staffing.Rosters;
import org.milieu.staffing.ShiftCode;
import org.milieu.staffing.ShiftOccurrence;
import org.milieu.staffing.ShiftPattern;
import org.milieu.staffing.Shifts;
import org.milieu.staffing.StaffingCensus;
import org.milieu.staffing.StaffingMinimums;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Staffing over JSON: the live census with staff-to-resident ratios, check-in and check-out,
 * shifts and minimums, the roster, ratio alerts and history, and hand-off notes. Staff roles
 * use it; the director alone changes shifts, minimums and the roster.
 */
@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
class StaffingApi {

	private final StaffingCensus census;

	private final CheckIns checkIns;

	private final Shifts shifts;

	private final StaffingMinimums minimums;

	private final Rosters rosters;

	private final RatioAlerts alerts;

	private final RatioHistory history;

	private final HandOffNotes notes;

	StaffingApi(StaffingCensus census, CheckIns checkIns, Shifts shifts, StaffingMinimums minimums, Rosters rosters,
			RatioAlerts alerts, RatioHistory history, HandOffNotes notes) {
		this.census = census;
		this.checkIns = checkIns;
		this.shifts = shifts;
		this.minimums = minimums;
		this.rosters = rosters;
		this.alerts = alerts;
		this.history = history;
		this.notes = notes;
	}

	/** Every house now: beds, residents, staff checked in and the ratio against the house's minimum. */
	@GetMapping("/api/v1/census")
	ResponseEntity<List<HouseStaffing>> census(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(census.now(user.programId()));
	}

	/** Checks the caller in to a house they work in. */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/staffing/check-ins")
	ResponseEntity<CheckIn> checkIn(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody CheckInRequest request) {
		CheckIn checkIn = checkIns.checkIn(user, request.houseId());
		return ResponseEntity.created(URI.create("/api/v1/staffing/check-ins/" + checkIn.id()))
			.cacheControl(CacheControl.noStore()).body(checkIn);
	}

	/** Who is checked in now, across the program. */
	@GetMapping("/api/v1/staffing/check-ins")
	ResponseEntity<List<CheckIn>> onShift(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(checkIns.onShift(user.programId()));
	}

	/** Checks the caller out (the director may name someone else who forgot, by {@code accountId}). */
	@PostMapping("/api/v1/staffing/check-outs")
	ResponseEntity<CheckIn> checkOut(@AuthenticationPrincipal MilieuUser user,
			@Valid @RequestBody(required = false) CheckOutRequest request) {
		CheckIn closed = checkIns.checkOut(user, request == null ? null : request.accountId());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(closed);
	}

	/** The shift pattern and the shift running now. */
	@GetMapping("/api/v1/staffing/shifts")
	ShiftsResponse shifts(@AuthenticationPrincipal MilieuUser user) {
		return ShiftsResponse.of(shifts.pattern(user.programId()), shifts.current(user.programId()));
	}

	@PutMapping("/api/v1/staffing/shifts")
	@PreAuthorize("hasRole('ADMIN')")
	ShiftsResponse configureShifts(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody ShiftsRequest request) {
		shifts.configure(user.programId(), new ShiftPattern(request.dayStarts(), request.eveningStarts(), request.nightStarts()));
		return shifts(user);
	}

	/** A house's minimums, as the most residents per staff member on each shift. */
	@GetMapping("/api/v1/staffing/minimums/{houseId}")
	Map<ShiftCode, Integer> minimums(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId) {
		return minimums.of(user.programId(), houseId);
	}

	@PutMapping("/api/v1/staffing/minimums/{houseId}")
	@PreAuthorize("hasRole('ADMIN')")
	Map<ShiftCode, Integer> setMinimums(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID houseId,
			@Valid @RequestBody MinimumsRequest request) {
		Map<ShiftCode, Integer> values = new EnumMap<>(ShiftCode.class);
		values.put(ShiftCode.DAY, request.day());
		values.put(ShiftCode.EVENING, request.evening());
		values.put(ShiftCode.NIGHT, request.night());
		minimums.set(user.programId(), houseId, values);
		return minimums.of(user.programId(), houseId);
	}

	/** The roster between two dates (at most 62 days). */
	@GetMapping("/api/v1/staffing/roster")
	List<RosterEntry> roster(@AuthenticationPrincipal MilieuUser user, @RequestParam LocalDate from,
			@RequestParam LocalDate to) {
		return rosters.between(user.programId(), from, to);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/staffing/roster")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<RosterEntry> plan(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody RosterRequest request) {
		RosterEntry entry = rosters.plan(user, request.houseId(), request.date(), request.shift(), request.accountId());
		return ResponseEntity.created(URI.create("/api/v1/staffing/roster/" + entry.id())).body(entry);
	}

	@ResponseStatus(HttpStatus.NO_CONTENT)
	@DeleteMapping("/api/v1/staffing/roster/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<Void> unplan(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		rosters.remove(user, id);
		return ResponseEntity.noContent().build();
	}

	/** Houses under their minimum now. */
	@GetMapping("/api/v1/staffing/ratio-alerts")
	ResponseEntity<List<RatioAlert>> openAlerts(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(alerts.open(user.programId()));
	}

	/** A house's ratio history, shift by shift, between two dates (at most 93 days). */
	@GetMapping("/api/v1/staffing/ratio-history")
	List<RatioHistory.Row> history(@AuthenticationPrincipal MilieuUser user, @RequestParam UUID houseId,
			@RequestParam LocalDate from, @RequestParam LocalDate to) {
		return history.report(user.programId(), houseId, from, to);
	}

	/** Hand-off notes of the houses the caller works in: all open ones and the last two days'. */
	@GetMapping("/api/v1/staffing/handoff-notes")
	ResponseEntity<List<HandOffNote>> handoffNotes(@AuthenticationPrincipal MilieuUser user) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(notes.recent(user));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/staffing/handoff-notes")
	ResponseEntity<HandOffNote> writeNote(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody NoteRequest request) {
		HandOffNote note = notes.write(user, request.houseId(), request.body());
		return ResponseEntity.created(URI.create("/api/v1/staffing/handoff-notes/" + note.id()))
			.cacheControl(CacheControl.noStore()).body(note);
	}

	@PostMapping("/api/v1/staffing/handoff-notes/{id}/acknowledge")
	ResponseEntity<HandOffNote> acknowledge(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(notes.acknowledge(user, id));
	}

	record CheckInRequest(@NotNull UUID houseId) {
	}

	record CheckOutRequest(UUID accountId) {
	}

	record ShiftsRequest(@NotNull LocalTime dayStarts, @NotNull LocalTime eveningStarts, @NotNull LocalTime nightStarts) {
	}

	record ShiftsResponse(LocalTime dayStarts, LocalTime eveningStarts, LocalTime nightStarts, ShiftCode currentShift,
			LocalDate currentShiftDate, Instant currentShiftStartsAt, Instant currentShiftEndsAt) {

		static ShiftsResponse of(ShiftPattern p, ShiftOccurrence now) {
			return new ShiftsResponse(p.dayStarts(), p.eveningStarts(), p.nightStarts(), now.shift(), now.date(),
					now.startsAt(), now.endsAt());
		}
	}

	record MinimumsRequest(@NotNull Integer day, @NotNull Integer evening, @NotNull Integer night) {
	}

	record RosterRequest(@NotNull UUID houseId, @NotNull LocalDate date, @NotNull ShiftCode shift, @NotNull UUID accountId) {
	}

	record NoteRequest(@NotNull UUID houseId, @NotBlank @Size(max = 4000) String body) {
	}
}
