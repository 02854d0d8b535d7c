package org.milieu.residents.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.milieu.identity.EmergencyAccess;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.Admission;
import org.milieu.residents.Admissions;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.DischargeClosings;
import org.milieu.residents.DischargeClosures;
import org.milieu.residents.DischargeSummary;
import org.milieu.residents.DischargeType;
import org.milieu.residents.Discharges;
import org.milieu.residents.NewDischarge;
import org.milieu.residents.NewAdmission;
import org.milieu.residents.ResidentProfile;
import org.milieu.residents.ResidentRecords;
import org.milieu.residents.ResidentSummary;
import org.milieu.platform.web.CursorPage;
import org.milieu.platform.web.Paging;
import org.milieu.shared.PageRequest;
import org.milieu.residents.StayRecord;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Residents over JSON; every read passes the access policy and is audited. */
@RestController
class ResidentApi {

	private final Census census;

	private final Admissions admissions;

	private final MessageSource messages;

	private final Discharges discharges;

	private final ResidentRecords records;

	private final org.milieu.platform.web.PdfPrinter pdf;

	private final DischargeClosings closings;

	ResidentApi(Census census, Admissions admissions, MessageSource messages, Discharges discharges,
			ResidentRecords records, org.milieu.platform.web.PdfPrinter pdf, DischargeClosings closings) {
		this.closings = closings;
		this.census = census;
		this.admissions = admissions;
		this.messages = messages;
		this.discharges = discharges;
		this.records = records;
		this.pdf = pdf;
	}

	/** Today's residents within the caller's reach, of one house with {@code houseId}; for staff roles (the access policy decides). */
	@GetMapping("/api/v1/residents")
	ResponseEntity<List<ResidentResponse>> list(@AuthenticationPrincipal MilieuUser user,
			@org.springframework.web.bind.annotation.RequestParam(required = false) UUID houseId) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(census.today(user, houseId).stream().map(ResidentResponse::of).toList());
	}

	/**
	 * The program's residents a page at a time (see "Listings and paging"), in the program, discharged
	 * or both ({@code status}, default IN_PROGRAM), by family name; for staff roles, as far as the access
	 * policy reaches, each one shown audited. Filters: {@code houseId} (of the newest stay) and
	 * {@code admittedFrom}/{@code admittedTo}. {@code GET /api/v1/residents} stays today's census as one
	 * unpaged array, for the clients that read it so.
	 */
	@GetMapping("/api/v1/resident-records")
	ResponseEntity<CursorPage<ResidentListed>> records(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(defaultValue = "IN_PROGRAM") ResidentRecords.Status status,
			@RequestParam(required = false) UUID houseId, @RequestParam(required = false) LocalDate admittedFrom,
			@RequestParam(required = false) LocalDate admittedTo, PageRequest page) {
		return Paging.ok(records.list(user, status, houseId, admittedFrom, admittedTo, page).map(ResidentListed::of));
	}

	record ResidentListed(UUID id, String givenName, String familyName, @Nullable String preferredName, UUID houseId,
			String house, LocalDate admittedOn, String status, @Nullable LocalDate dischargedOn, @Nullable DischargeType dischargeType) {

		static ResidentListed of(ResidentSummary r) {
			return new ResidentListed(r.residentId(), r.givenName(), r.familyName(), r.preferredName(), r.houseId(),
					r.houseName(), r.admittedOn(), r.dischargedOn() == null ? "IN_PROGRAM" : "DISCHARGED", r.dischargedOn(),
					r.dischargeType());
		}
	}

	/**
	 * Admits a person to a free bed of a house. A resident with the same name and birth date
	 * already on record does not stop the admission; the answer's {@code warnings} say so. With
	 * {@code readmissionOf}, someone discharged earlier is admitted again on their own record.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents")
	ResponseEntity<AdmissionResponse> admit(@AuthenticationPrincipal MilieuUser user,
			@Valid @RequestBody AdmitRequest request) {
		Admission admission = admissions.admit(user, request.houseId(), request.command());
		CensusEntry entry = census.find(user.programId(), admission.residentId()).orElseThrow();
		List<Warning> warnings = admission.warnings().stream()
			.map(code -> new Warning(code, messages.getMessage(code, null, code, LocaleContextHolder.getLocale())))
			.toList();
		return ResponseEntity.created(URI.create("/api/v1/residents/" + admission.residentId()))
			.cacheControl(CacheControl.noStore())
			.body(new AdmissionResponse(ResidentResponse.of(entry), warnings));
	}

	record AdmitRequest(@NotBlank @Size(max = 80) String givenName, @NotBlank @Size(max = 80) String familyName,
			@Size(max = 80) String preferredName, @Size(max = 40) String pronouns, @NotNull LocalDate birthDate,
			@Size(max = 40) String primaryLanguage, @Size(max = 40) String phone, @Size(max = 120) String emergencyContactName,
			@Size(max = 40) String emergencyContactPhone, @Size(max = 120) String referralSource,
			@Size(max = 120) String fundingSource, @Min(1) @Max(730) Integer expectedLengthDays, @NotNull UUID houseId,
			@NotNull UUID bedId, @NotNull LocalDate admittedOn, UUID readmissionOf) {

		NewAdmission command() {
			return new NewAdmission(givenName, familyName, preferredName, birthDate, bedId, admittedOn,
					new NewAdmission.Details(pronouns, primaryLanguage, phone, emergencyContactName, emergencyContactPhone,
							referralSource, fundingSource, expectedLengthDays), readmissionOf);
		}
	}

	record Warning(String code, String message) {
	}

	record AdmissionResponse(ResidentResponse resident, List<Warning> warnings) {
	}

	/**
	 * One resident, in the program today or discharged, if the access policy lets the caller see
	 * them (a resident sees their own): the census fields of their newest stay, their details,
	 * and every stay newest first with its discharge and aftercare plan.
	 */
	@GetMapping("/api/v1/residents/{id}")
	ResponseEntity<ResidentRecordResponse> get(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(ResidentRecordResponse.of(records.profile(user, id)));
	}

	/**
	 * The printable summary of the resident's latest discharge, as a PDF download. Taking data out
	 * of Milieu is an export: the policy's export rule decides and the export is audited. The
	 * file name carries the record's id, never a name.
	 */
	@GetMapping("/api/v1/residents/{id}/discharge-summary.pdf")
	ResponseEntity<byte[]> dischargeSummary(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(hidden = true) @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept)
			throws org.springframework.web.HttpMediaTypeNotAcceptableException {
		org.milieu.platform.web.PdfPrinter.requireAccepted(accept);
		DischargeSummary summary = records.dischargeSummary(user, id);
		List<DischargeClosures.Line> printed = closings.printed(user, new ResidentScope(id, summary.houseId()),
				new DischargeClosures.Stay(summary.stayId(), summary.discharge().dischargedOn()));
		byte[] document = pdf.print("residents/discharge-summary", "discharge-summary.css",
				java.util.Map.of("summary", summary, "closures", printed), LocaleContextHolder.getLocale());
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noStore())
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("discharge-summary-" + id + ".pdf").build().toString())
			.body(document);
	}

	/**
	 * Emergency ("break-glass") access to a resident outside the caller's reach: give the reason;
	 * for the next hour reads are allowed and audited with purpose EMERGENCY.
	 */
	@ResponseStatus(HttpStatus.CREATED)
	@PostMapping("/api/v1/residents/{id}/emergency-access")
	ResponseEntity<EmergencyAccess.Grant> breakGlass(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody EmergencyRequest request) {
		EmergencyAccess.Grant grant = census.breakGlass(user, id, request.reason());
		return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(grant);
	}

	/** Discharges a resident: type, date and reason, and the aftercare plan they leave with. */
	@PostMapping("/api/v1/residents/{id}/discharge")
	ResponseEntity<DischargeResponse> discharge(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@Valid @RequestBody DischargeRequest request) {
		discharges.discharge(user, id, request.command());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore())
			.body(new DischargeResponse(id, request.dischargedOn(), request.type()));
	}

	record DischargeRequest(@NotNull LocalDate dischargedOn, @NotNull DischargeType type, @Size(max = 2000) String reason,
			@Valid AftercareRequest aftercare) {

		NewDischarge command() {
			AftercareRequest a = aftercare == null ? new AftercareRequest(null, null, null, null, null) : aftercare;
			return new NewDischarge(dischargedOn, type, reason, new NewDischarge.Aftercare(a.livingArrangement(),
					a.outpatientAppointments(), a.supportMeetings(), a.contacts(), a.relapsePrevention()));
		}
	}

	record AftercareRequest(@Size(max = 2000) String livingArrangement, @Size(max = 2000) String outpatientAppointments,
			@Size(max = 2000) String supportMeetings, @Size(max = 2000) String contacts,
			@Size(max = 4000) String relapsePrevention) {
	}

	record DischargeResponse(UUID residentId, LocalDate dischargedOn, DischargeType type) {
	}

	record EmergencyRequest(@NotBlank @Size(min = 10, max = 1000) String reason) {
	}

	/** A resident's record: the census fields (of the newest stay), the status, the details and every stay. */
	record ResidentRecordResponse(UUID id, String givenName, String familyName, @Nullable String preferredName, UUID houseId,
			String house, String room, String bed, LocalDate admittedOn, String status, @Nullable String pronouns,
			LocalDate birthDate, @Nullable String primaryLanguage, @Nullable String phone, @Nullable String emergencyContactName,
			@Nullable String emergencyContactPhone, List<StayResponse> stays) {

		static ResidentRecordResponse of(ResidentProfile p) {
			StayRecord latest = p.latestStay();
			return new ResidentRecordResponse(p.residentId(), p.givenName(), p.familyName(), p.preferredName(),
					latest.houseId(), latest.houseName(), latest.room(), latest.bed(), latest.admittedOn(),
					p.discharged() ? "DISCHARGED" : "IN_PROGRAM", p.pronouns(), p.birthDate(), p.primaryLanguage(), p.phone(),
					p.emergencyContactName(), p.emergencyContactPhone(), p.stays().stream().map(StayResponse::of).toList());
		}
	}

	record StayResponse(UUID id, UUID houseId, String house, String room, String bed, LocalDate admittedOn,
			@Nullable Integer expectedLengthDays, @Nullable String referralSource, @Nullable String fundingSource, @Nullable DischargeResponseBody discharge) {

		static StayResponse of(StayRecord s) {
			StayRecord.Discharge d = s.discharge();
			return new StayResponse(s.stayId(), s.houseId(), s.houseName(), s.room(), s.bed(), s.admittedOn(),
					s.expectedLengthDays(), s.referralSource(), s.fundingSource(),
					d == null ? null : new DischargeResponseBody(d.dischargedOn(), d.type(), d.reason(), d.dischargedBy(),
							new AftercareRequest(d.aftercare().livingArrangement(), d.aftercare().outpatientAppointments(),
									d.aftercare().supportMeetings(), d.aftercare().contacts(), d.aftercare().relapsePrevention())));
		}
	}

	record DischargeResponseBody(LocalDate dischargedOn, DischargeType type, String reason, String dischargedBy,
			AftercareRequest aftercare) {
	}

	record ResidentResponse(UUID id, String givenName, String familyName, @Nullable String preferredName, UUID houseId,
			String house, String room, String bed, LocalDate admittedOn) {

		static ResidentResponse of(CensusEntry e) {
			return new ResidentResponse(e.residentId(), e.givenName(), e.familyName(), e.preferredName(), e.houseId(),
					e.houseName(), e.room(), e.bed(), e.admittedOn());
		}
	}
}
