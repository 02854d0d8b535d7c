package org.milieu.residents.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.web.ETags;
import org.milieu.residents.Bed;
import org.milieu.residents.House;
import org.milieu.residents.HouseDetails;
import org.milieu.residents.HouseKind;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.HouseType;
import org.milieu.residents.Houses;
import org.milieu.residents.RetiredBed;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The program's houses and their beds over JSON: staff read them, the director founds and
 * revises houses, adds beds and retires free ones.
 */
@RestController
@RequestMapping("/api/v1/houses")
class HouseApi {

	private final Houses houses;

	HouseApi(Houses houses) {
		this.houses = houses;
	}

	@GetMapping
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	List<HouseResponse> list(@AuthenticationPrincipal MilieuUser user) {
		return houses.list(user.programId()).stream().map(HouseResponse::of).toList();
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<HouseResponse> get(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return withTag(ResponseEntity.ok(), summary(user, id));
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<HouseResponse> found(@AuthenticationPrincipal MilieuUser user, @Valid @RequestBody NewHouseRequest request) {
		House house = houses.found(user.programId(), request.details(), request.beds());
		return withTag(ResponseEntity.created(URI.create("/api/v1/houses/" + house.id())), summary(user, house.id()));
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<HouseResponse> revise(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(required = true) @RequestHeader(name = "If-Match", required = false) String ifMatch, @Valid @RequestBody HouseRequest request) {
		int expected = ETags.requireVersion(ifMatch, "House");
		// a client that does not know house types leaves the type as it is
		HouseType type = request.type() != null ? request.type() : houses.find(user.programId(), id).type();
		houses.revise(user.programId(), id, expected, request.details(type));
		return withTag(ResponseEntity.ok(), summary(user, id));
	}

	/** The beds in use, in order; with {@code includeRetired} the retired beds follow, newest retirement first. */
	@GetMapping("/{id}/beds")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<List<BedResponse>> beds(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "false") boolean includeRetired) {
		houses.find(user.programId(), id);
		List<BedResponse> beds = new ArrayList<>(houses.beds(user.programId(), id).stream().map(BedResponse::of).toList());
		if (includeRetired) {
			houses.retiredBeds(user.programId(), id).stream().map(BedResponse::of).forEach(beds::add);
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(beds);
	}

	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/{id}/beds")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<BedResponse> addBed(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody NewBedRequest request) {
		Bed bed = houses.addBed(user.programId(), id, request.room(), request.label());
		return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(BedResponse.of(bed));
	}

	@PostMapping("/{id}/beds/{bedId}/retire")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<BedResponse> retireBed(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@PathVariable UUID bedId) {
		RetiredBed bed = houses.retireBed(user.programId(), id, bedId, user.getUsername());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(BedResponse.of(bed));
	}

	private HouseSummary summary(MilieuUser user, UUID id) {
		houses.find(user.programId(), id);
		return houses.list(user.programId()).stream().filter(s -> s.house().id().equals(id)).findFirst().orElseThrow();
	}

	private static ResponseEntity<HouseResponse> withTag(ResponseEntity.BodyBuilder builder, HouseSummary summary) {
		return builder.eTag(ETags.of(summary.house().version())).cacheControl(CacheControl.noStore())
			.body(HouseResponse.of(summary));
	}

	/**
	 * A house's details; {@code curfew} ("22:00") is optional, and leaving it out means no curfew;
	 * {@code type} is optional, and leaving it out keeps the house's type.
	 */
	record HouseRequest(@NotBlank @Size(max = 80) String name, @NotNull HouseKind kind, HouseType type,
			@Size(max = 200) String address, LocalTime curfew) {

		HouseDetails details(HouseType houseType) {
			return new HouseDetails(name, kind, houseType, address, curfew);
		}
	}

	record NewHouseRequest(@NotBlank @Size(max = 80) String name, @NotNull HouseKind kind, HouseType type,
			@Size(max = 200) String address, @NotNull @Min(0) @Max(200) Integer beds, LocalTime curfew) {

		HouseDetails details() {
			return new HouseDetails(name, kind, type, address, curfew);
		}
	}

	record HouseResponse(UUID id, String name, HouseKind kind, HouseType type, @Nullable String address, @Nullable LocalTime curfew, int beds,
			int occupied, int version) {

		static HouseResponse of(HouseSummary s) {
			House h = s.house();
			return new HouseResponse(h.id(), h.name(), h.kind(), h.type(), h.address(), h.curfew(), s.beds(), s.occupied(),
					h.version());
		}
	}

	/** A bed to add: the room it is in and its label, unique within the house. */
	record NewBedRequest(@NotBlank @Size(max = 20) String room, @NotBlank @Size(max = 20) String label) {
	}

	/** A bed: {@code taken} says whether someone holds it today (never who); {@code retiredAt} is null while in use. */
	record BedResponse(UUID id, String room, String label, boolean taken, @Nullable Instant retiredAt) {

		static BedResponse of(Bed bed) {
			return new BedResponse(bed.id(), bed.room(), bed.label(), bed.taken(), null);
		}

		static BedResponse of(RetiredBed bed) {
			return new BedResponse(bed.id(), bed.room(), bed.label(), false, bed.retiredAt());
		}
	}
}
