package org.milieu.audit.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEvents;
import org.milieu.audit.AuditQuery;
import org.milieu.audit.AuditRecord;
import org.milieu.audit.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The audit report for the program director and the privacy officer: the trail filtered by
 * resident, user name, action and dates (UTC), newest or oldest first, a page at a time, and
 * exported as CSV. Looking and exporting are themselves recorded.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditReportPage {

	static final int PAGE = 50;

	private final AuditEvents events;

	private final CurrentActor actor;

	AuditReportPage(AuditEvents events, CurrentActor actor) {
		this.events = events;
		this.actor = actor;
	}

	@GetMapping("/audit")
	String report(@ModelAttribute("filter") Filter filter, Model model) {
		List<String> errors = new ArrayList<>();
		AuditQuery query = filter.toQuery(actor.get().programId(), PAGE + 1, errors);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("errors", errors);
		if (!errors.isEmpty()) {
			model.addAttribute("rows", List.of());
			return "audit/audit-report";
		}
		List<AuditRecord> rows = events.search(actor.get(), query);
		boolean more = rows.size() > PAGE;
		model.addAttribute("rows", more ? rows.subList(0, PAGE) : rows);
		model.addAttribute("nextBefore", more ? rows.get(PAGE - 1).id() : null);
		return "audit/audit-report";
	}

	@GetMapping("/audit/export.csv")
	void export(@ModelAttribute("filter") Filter filter, HttpServletResponse response) throws IOException {
		List<String> errors = new ArrayList<>();
		AuditQuery query = filter.toQuery(actor.get().programId(), AuditQuery.MAX_LIMIT, errors);
		if (!errors.isEmpty()) {
			response.sendError(400);
			return;
		}
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
		response.setHeader("Cache-Control", "no-store");
		var out = new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		events.export(actor.get(), query, out);
		out.flush();
	}

	/** The report's filters as typed; each is optional, and a bad one is named on the page. */
	static class Filter {

		private String residentId = "";

		private String username = "";

		private String action = "";

		private String from = "";

		private String to = "";

		private String order = "newest";

		private Long before;

		AuditQuery toQuery(UUID program, int limit, List<String> errors) {
			UUID resident = null;
			if (!residentId.isBlank()) {
				try {
					resident = UUID.fromString(residentId.trim());
				}
				catch (IllegalArgumentException ex) {
					errors.add("audit.filter.residentId.invalid");
				}
			}
			AuditAction chosen = null;
			if (!action.isBlank()) {
				try {
					chosen = AuditAction.valueOf(action);
				}
				catch (IllegalArgumentException ex) {
					errors.add("audit.filter.action.invalid");
				}
			}
			Instant start = day(from, 0, errors);
			Instant end = day(to, 1, errors);
			String user = username.isBlank() ? null : username.trim().toLowerCase(Locale.ROOT);
			return new AuditQuery(program, resident, null, user, chosen, start, end, before, limit, "oldest".equals(order));
		}

		private static Instant day(String text, int plusDays, List<String> errors) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return LocalDate.parse(text.trim()).plusDays(plusDays).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException ex) {
				errors.add("audit.filter.date.invalid");
				return null;
			}
		}

		public String getResidentId() {
			return residentId;
		}

		public void setResidentId(String residentId) {
			this.residentId = residentId == null ? "" : residentId;
		}

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username == null ? "" : username;
		}

		public String getAction() {
			return action;
		}

		public void setAction(String action) {
			this.action = action == null ? "" : action;
		}

		public String getFrom() {
			return from;
		}

		public void setFrom(String from) {
			this.from = from == null ? "" : from;
		}

		public String getTo() {
			return to;
		}

		public void setTo(String to) {
			this.to = to == null ? "" : to;
		}

		public String getOrder() {
			return order;
		}

		public void setOrder(String order) {
			this.order = "oldest".equals(order) ? "oldest" : "newest";
		}

		public Long getBefore() {
			return before;
		}

		public void setBefore(Long before) {
			this.before = before;
		}
	}
}
