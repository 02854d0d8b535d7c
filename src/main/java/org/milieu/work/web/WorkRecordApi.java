package org.milieu.work.web;

import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.MilieuUser;
import org.milieu.work.WorkRecord;
import org.milieu.work.WorkRecords;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A resident's work-and-skills record: as JSON, and as the PDF they take along (an export; the file name carries no name). */
@RestController
class WorkRecordApi {

	private final WorkRecords records;

	private final org.milieu.platform.web.PdfPrinter pdf;

	WorkRecordApi(WorkRecords records, org.milieu.platform.web.PdfPrinter pdf) {
		this.records = records;
		this.pdf = pdf;
	}

	@GetMapping("/api/v1/residents/{id}/work-record")
	ResponseEntity<WorkRecord> read(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id) {
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(records.of(user, id, AuditAction.READ));
	}

	@GetMapping("/api/v1/residents/{id}/work-record.pdf")
	ResponseEntity<byte[]> print(@AuthenticationPrincipal MilieuUser user, @PathVariable UUID id,
			@io.swagger.v3.oas.annotations.Parameter(hidden = true) @org.springframework.web.bind.annotation.RequestHeader(name = "Accept", required = false) String accept)
			throws org.springframework.web.HttpMediaTypeNotAcceptableException {
		org.milieu.platform.web.PdfPrinter.requireAccepted(accept);
		byte[] document = pdf.print("work/work-record", "work-record.css",
				java.util.Map.of("record", records.of(user, id, AuditAction.EXPORT)), LocaleContextHolder.getLocale());
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("work-record-" + id + ".pdf").build().toString())
			.body(document);
	}
}
