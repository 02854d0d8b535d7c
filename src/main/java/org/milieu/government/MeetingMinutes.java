package org.milieu.government;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.MilieuUser;
import org.milieu.platform.Program;
import org.milieu.platform.Programs;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.residents.HouseSummary;
import org.milieu.residents.Houses;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RuleViolation;
import org.milieu.shared.StateConflict;
import org.milieu.shared.VersionConflict;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The minutes of a meeting. Until someone saves them, they are a draft generated from the
 * meeting's record: who was present and the quorum, the officers, each agenda item with the
 * secretary's notes, every motion with its mover, seconder and result, and the action items. The
 * secretary (or staff) edits and saves them as numbered revisions; the chair (or staff) approves
 * them at a later meeting of the same house while it is under way, and only then are they
 * published to the residents. Overrules by staff always show with the minutes, with their reason.
 */
@Service
public class MeetingMinutes {

	static final int MAX_TEXT = 20_000;

	private final JdbcClient jdbc;

	private final Meetings meetings;

	private final MeetingAttendance attendance;

	private final Motions motions;

	private final ActionItems actions;

	private final Officers officers;

	private final Membership membership;

	private final Census census;

	private final Houses houses;

	private final Programs programs;

	private final MessageSource messages;

	private final AuditTrail trail;

	private final java.time.Clock clock;

	MeetingMinutes(JdbcClient jdbc, Meetings meetings, MeetingAttendance attendance, Motions motions, ActionItems actions,
			Officers officers, Membership membership, Census census, Houses houses, Programs programs,
			MessageSource messages, AuditTrail trail, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.meetings = meetings;
		this.attendance = attendance;
		this.motions = motions;
		this.actions = actions;
		this.officers = officers;
		this.membership = membership;
		this.census = census;
		this.houses = houses;
		this.programs = programs;
		this.messages = messages;
		this.trail = trail;
		this.clock = clock;
	}

	/**
	 * The minutes as this person may read them: approved minutes for anyone of the meeting; a draft
	 * only for staff and the house's officers. A meeting not yet held has none, and a resident asking
	 * for a draft is told they are not published yet (both {@link StateConflict}).
	 */
	@Transactional
	public Minutes read(MilieuUser user, UUID meetingId) {
		membership.requireParticipant(user, "Minutes", meetingId);
		Meeting meeting = meetings.meeting(user.programId(), meetingId);
		membership.requireMember(user, meeting.houseId(), "Minutes", meetingId, "READ");
		if (meeting.status() == MeetingStatus.SCHEDULED) {
			throw new StateConflict("minutes.not-held");
		}
		Optional<Approval> approval = approval(meetingId);
		if (approval.isEmpty() && !mayDraft(user, meeting)) {
			throw new StateConflict("minutes.not-published");
		}
		List<Motion> overrules = motions.ofMeeting(user, meetingId).stream().filter(m -> m.overrule() != null).toList();
		trail.record(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Minutes", meetingId));
		Optional<Revision> latest = latest(meetingId);
		if (approval.isPresent()) {
			Approval a = approval.get();
			Revision approved = revision(meetingId, a.revision());
			return new Minutes(meetingId, Minutes.MinutesStatus.APPROVED, approved.text(), approved.revision(),
					approved.savedBy(), approved.savedAt(), a.atMeeting(), a.by(), a.at(), overrules);
		}
		if (latest.isPresent()) {
			Revision r = latest.get();
			return new Minutes(meetingId, Minutes.MinutesStatus.DRAFT, r.text(), r.revision(), r.savedBy(), r.savedAt(), null,
					null, null, overrules);
		}
		return new Minutes(meetingId, Minutes.MinutesStatus.DRAFT, generate(user, meeting), 0, null, null, null, null, null,
				overrules);
	}

	/**
	 * Saves the secretary's text as the next revision. Refused, storing nothing, when the meeting is
	 * not held yet ({@code meetingId}), the minutes are approved ({@code meetingId}), or the text is
	 * blank or too long ({@code text}); {@code basedOn} must be the revision the writer started from
	 * (0 for the generated draft), else someone saved in between: a {@link VersionConflict}.
	 */
	@Transactional
	public Minutes save(MilieuUser user, UUID meetingId, String text, int basedOn) {
		Meeting meeting = lockedMeeting(user, meetingId);
		if (!officers.mayKeepRecord(user, meeting.houseId())) {
			membership.refuse(user, "Minutes", meetingId, "UPDATE",
					"minutes are kept by the secretary or staff, not by " + user.getUsername());
		}
		if (meeting.status() == MeetingStatus.SCHEDULED) {
			throw new RuleViolation("minutes.meeting.not-held", "meetingId");
		}
		if (approval(meetingId).isPresent()) {
			throw new RuleViolation("minutes.approved", "meetingId");
		}
		String body = Motions.required(text, MAX_TEXT, "minutes.text.blank", "minutes.text.long", "text");
		int current = latest(meetingId).map(Revision::revision).orElse(0);
		if (basedOn != current) {
			throw new VersionConflict("Minutes", basedOn, current);
		}
		insert(user, meetingId, current + 1, body);
		return read(user, meetingId);
	}

	/**
	 * Approves the minutes at a later meeting of the same house that is under way (the chair or
	 * staff). Refused, changing nothing, when the meeting is not closed or its minutes are approved
	 * already ({@code meetingId}), or the approving meeting is not a later, open meeting of the same
	 * house ({@code atMeetingId}). Unsaved minutes are approved as generated.
	 */
	@Transactional
	public Minutes approve(MilieuUser user, UUID meetingId, UUID atMeetingId) {
		Meeting meeting = lockedMeeting(user, meetingId);
		if (!officers.mayChair(user, meeting.houseId())) {
			membership.refuse(user, "Minutes", meetingId, "UPDATE",
					"minutes are approved by the chair or staff, not by " + user.getUsername());
		}
		if (meeting.status() != MeetingStatus.CLOSED) {
			throw new RuleViolation("minutes.meeting.not-closed", "meetingId");
		}
		if (approval(meetingId).isPresent()) {
			throw new RuleViolation("minutes.approved", "meetingId");
		}
		Meeting at = atMeetingId == null ? null
				: jdbc.sql("select id from government_meeting where id = ? and program_id = ?")
					.params(atMeetingId, user.programId().value()).query(UUID.class).optional()
					.map(id -> meetings.meeting(user.programId(), id)).orElse(null);
		if (at == null || at.status() != MeetingStatus.OPEN || !at.startsAt().isAfter(meeting.startsAt())
				|| !java.util.Objects.equals(at.houseId(), meeting.houseId())) {
			throw new RuleViolation("minutes.approval.meeting", "atMeetingId");
		}
		int revision = latest(meetingId).map(Revision::revision).orElse(0);
		if (revision == 0) {
			revision = 1;
			insert(user, meetingId, revision, generate(user, meeting));
		}
		jdbc.sql("""
				insert into government_minutes_approval (meeting_id, revision, approved_at_meeting, approved_by, approved_at)
				values (?, ?, ?, ?, ?)""")
			.params(meetingId, revision, atMeetingId, user.getUsername(), Timestamp.from(clock.instant())).update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Minutes", meetingId).saying("approved at meeting " + atMeetingId));
		return read(user, meetingId);
	}

	/** Whether this person may see and edit the draft: staff, the house's secretary or chair. */
	@Transactional(readOnly = true)
	public boolean mayDraft(MilieuUser user, Meeting meeting) {
		return officers.mayKeepRecord(user, meeting.houseId()) || officers.mayChair(user, meeting.houseId());
	}

	/**
	 * The closed meetings this person takes part in (staff: all of the program's; a resident: their
	 * house's and the whole program's), newest first, with whether their minutes are approved.
	 */
	@Transactional(readOnly = true)
	public List<PastMeeting> recent(MilieuUser user, int limit) {
		UUID house = Membership.staff(user) ? null : membership.residentHouse(user, "Meeting", null);
		return jdbc.sql("""
				select m.id, m.house_id, m.title, m.starts_at,
				       exists (select 1 from government_minutes_approval a where a.meeting_id = m.id) as approved
				  from government_meeting m
				 where m.program_id = ? and m.status = 'CLOSED'
				   and (?::uuid is null or m.house_id is null or m.house_id = ?::uuid)
				 order by m.starts_at desc limit ?""")
			.params(user.programId().value(), house, house, limit)
			.query((rs, n) -> new PastMeeting(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getString("title"), rs.getTimestamp("starts_at").toInstant(), rs.getBoolean("approved")))
			.list();
	}

	/** The later meetings of the same house now under way, where the chair may approve these minutes. */
	@Transactional(readOnly = true)
	public List<UUID> approvableAt(ProgramId program, Meeting meeting) {
		return jdbc.sql("select id from government_meeting where program_id = ? and house_id is not distinct from ? "
				+ "and status = 'OPEN' and starts_at > ? order by starts_at")
			.params(program.value(), meeting.houseId(), Timestamp.from(meeting.startsAt())).query(UUID.class).list();
	}

	/** The draft written from the meeting's record, in the reader's language. */
	String generate(MilieuUser user, Meeting meeting) {
		ProgramId program = user.programId();
		Locale locale = LocaleContextHolder.getLocale();
		ZoneId zone = programs.find(program).map(Program::timeZone).orElse(ZoneOffset.UTC);
		Meeting full = meetings.read(user, meeting.id());
		Map<UUID, String> names = new HashMap<>();
		for (CensusEntry e : census.today(program)) {
			names.put(e.residentId(), e.displayName());
		}
		String formerResident = text("minutes.gen.former", locale);
		java.util.function.Function<UUID, String> name = id -> id == null ? "" : names.getOrDefault(id, formerResident);
		String houseName = meeting.houseId() == null ? text("meeting.page.wholeProgram", locale)
				: houses.list(program).stream().map(HouseSummary::house).filter(h -> h.id().equals(meeting.houseId()))
					.map(h -> h.name()).findFirst().orElse("");
		DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(locale);
		StringBuilder out = new StringBuilder();
		out.append(meeting.title()).append(" — ").append(houseName).append(" — ")
			.append(when.format(meeting.startsAt().atZone(zone))).append("\n\n");

		Set<UUID> present = attendance.present(meeting.id());
		Quorum quorum = attendance.quorum(program, meeting.id());
		out.append(text("minutes.gen.present", locale, present.size(), quorum.members(), quorum.required())).append(' ')
			.append(present.stream().map(name).sorted().collect(Collectors.joining(", "))).append("\n");
		LocalDate day = meeting.startsAt().atZone(zone).toLocalDate();
		for (Officer o : officers.onDay(program, meeting.houseId(), day)) {
			out.append(text("minutes.gen.officer", locale, text("motion.office." + o.office(), locale), name.apply(o.residentId())))
				.append("\n");
		}
		List<Motion> all = motions.ofMeeting(user, meeting.id());
		out.append("\n").append(text("minutes.gen.agenda", locale)).append("\n");
		int n = 0;
		for (AgendaItem item : full.agenda()) {
			n++;
			String by = item.submittedByResident() != null ? name.apply(item.submittedByResident()) : item.submittedBy();
			out.append(n).append(". ").append(item.title()).append(" (").append(text("agenda.kind." + item.kind(), locale))
				.append(", ").append(text("minutes.gen.broughtBy", locale, by)).append(") — ")
				.append(text("minutes.gen.item." + item.status(), locale)).append("\n");
			if (item.notes() != null) {
				out.append("   ").append(item.notes().replace("\n", "\n   ")).append("\n");
			}
			for (Motion m : all) {
				if (item.id().equals(m.agendaItemId())) {
					out.append("   ").append(motion(m, name, locale)).append("\n");
				}
			}
		}
		List<Motion> loose = all.stream().filter(m -> m.agendaItemId() == null).toList();
		if (!loose.isEmpty()) {
			out.append("\n").append(text("minutes.gen.motions", locale)).append("\n");
			for (Motion m : loose) {
				out.append("- ").append(motion(m, name, locale)).append("\n");
			}
		}
		List<ActionItem> items = actions.ofMeeting(program, meeting.id());
		if (!items.isEmpty()) {
			out.append("\n").append(text("minutes.gen.actions", locale)).append("\n");
			DateTimeFormatter due = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
			List<AuditEntry> reads = new ArrayList<>();
			for (ActionItem a : items) {
				out.append("- ").append(text("minutes.gen.action", locale, a.title(), a.ownerName(), due.format(a.dueOn())))
					.append("\n");
				if (a.ownerResident() != null) {
					reads.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
						.about(a.ownerResident(), DataCategory.GOVERNMENT).on("ActionItem", a.id()));
				}
			}
			trail.recordAll(reads);
		}
		return out.toString().strip();
	}

	private String motion(Motion m, java.util.function.Function<UUID, String> name, Locale locale) {
		StringBuilder s = new StringBuilder();
		s.append(text("motion.kind." + m.kind(), locale)).append(": ").append(m.text());
		if (m.kind() == MotionKind.RULE_CHANGE) {
			s.append(" [").append(m.ruleTitle() != null ? m.ruleTitle() + ": " : "").append(m.ruleText()).append("]");
		}
		if (m.movedByResident() != null) {
			s.append(" — ").append(text("motion.page.movedBy", locale, name.apply(m.movedByResident())));
		}
		if (m.secondedByResident() != null) {
			s.append(", ").append(text("motion.page.secondedBy", locale, name.apply(m.secondedByResident())));
		}
		VoteResult r = m.result();
		if (r == null) {
			s.append(" — ").append(text("motion.status." + m.status(), locale));
		}
		else if (m.kind() == MotionKind.ELECTION) {
			s.append(" — ").append(m.candidates().stream().map(c -> name.apply(c) + " " + r.candidateVotes().getOrDefault(c, 0))
				.collect(Collectors.joining(", ")));
			s.append(", ").append(text("motion.choice.ABSTAIN", locale)).append(' ').append(r.abstain());
			s.append(" — ").append(r.elected() != null
					? text("motion.page.elected", locale, name.apply(r.elected()), text("motion.office." + m.office(), locale))
					: text("motion.outcome." + r.outcome(), locale));
		}
		else {
			s.append(" — ").append(text("motion.outcome." + r.outcome(), locale));
			if (r.outcome() != Outcome.LAPSED) {
				s.append(" (").append(text("minutes.gen.count", locale, r.yes(), r.no(), r.abstain())).append(")");
			}
		}
		return s.toString();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	private Meeting lockedMeeting(MilieuUser user, UUID meetingId) {
		Meeting meeting = meetings.meeting(user.programId(), meetingId);
		membership.requireMember(user, meeting.houseId(), "Minutes", meetingId, "UPDATE");
		jdbc.sql("select id from government_meeting where id = ? for update").param(meetingId).query(UUID.class).single();
		return meetings.meeting(user.programId(), meetingId);
	}

	private void insert(MilieuUser user, UUID meetingId, int revision, String text) {
		jdbc.sql("insert into government_minutes_revision (meeting_id, revision, text, saved_by, saved_at) values (?, ?, ?, ?, ?)")
			.params(meetingId, revision, text, user.getUsername(), Timestamp.from(clock.instant())).update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Minutes", meetingId).saying("revision " + revision));
	}

	private Optional<Revision> latest(UUID meetingId) {
		return jdbc.sql("select revision, text, saved_by, saved_at from government_minutes_revision where meeting_id = ? "
				+ "order by revision desc limit 1").param(meetingId).query(MeetingMinutes::revision).optional();
	}

	private Revision revision(UUID meetingId, int revision) {
		return jdbc.sql("select revision, text, saved_by, saved_at from government_minutes_revision where meeting_id = ? "
				+ "and revision = ?").params(meetingId, revision).query(MeetingMinutes::revision).single();
	}

	private Optional<Approval> approval(UUID meetingId) {
		return jdbc.sql("select revision, approved_at_meeting, approved_by, approved_at from government_minutes_approval "
				+ "where meeting_id = ?").param(meetingId)
			.query((rs, n) -> new Approval(rs.getInt("revision"), rs.getObject("approved_at_meeting", UUID.class),
					rs.getString("approved_by"), rs.getTimestamp("approved_at").toInstant()))
			.optional();
	}

	private static Revision revision(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new Revision(rs.getInt("revision"), rs.getString("text"), rs.getString("saved_by"),
				rs.getTimestamp("saved_at").toInstant());
	}

	private record Revision(int revision, String text, String savedBy, Instant savedAt) {
	}

	private record Approval(int revision, UUID atMeeting, String by, Instant at) {
	}
}
