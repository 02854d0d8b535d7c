package org.milieu.work.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.milieu.identity.MilieuUser;
import org.milieu.shared.Csv;
import org.milieu.work.WorkReport;
import org.milieu.work.WorkReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work reports over JSON, and the CSV export of each person's work in a period. */
@RestController
class WorkReportApi {

	private final WorkReports reports;

	WorkReportApi(WorkReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/v1/work-reports")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<WorkReport> report(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(reports.of(user, from, to, false));
	}

	/** One row per person and one per job: hours, stipends and completion, for a clinician or the director. */
	@GetMapping("/api/v1/work-reports.csv")
	@PreAuthorize("hasAnyRole('ADMIN', 'CLINICIAN', 'STAFF')")
	ResponseEntity<byte[]> csv(@AuthenticationPrincipal MilieuUser user,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		WorkReport report = reports.of(user, from, to, true);
		StringBuilder csv = new StringBuilder(Csv.row("kind", "name", "house", "marked", "done", "partly_done", "not_done",
				"completion_rate_percent", "minutes", "earned_cents"));
		for (WorkReport.Line l : report.houses()) {
			csv.append(row("house", l));
		}
		for (WorkReport.Line l : report.jobs()) {
			csv.append(row("job", l));
		}
		for (WorkReport.Line l : report.people()) {
			csv.append(row("person", l));
		}
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("work-" + report.from() + "-" + report.to() + ".csv").build().toString())
			.body(csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String row(String kind, WorkReport.Line l) {
		return Csv.row(kind, l.name(), l.house(), l.marked(), l.done(), l.partly(), l.notDone(), l.rate(), l.minutes(),
				l.earnedCents());
	}
}
