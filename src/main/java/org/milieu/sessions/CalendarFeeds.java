package org.milieu.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.milieu.audit.Actor;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessDecision;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.platform.Programs;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Calendar feeds: a secret link ({@code /calendar/<token>.ics}) a calendar app subscribes to without
 * signing in. A staff member makes one of the sessions they facilitate and one per house they work
 * in; a resident one of the sessions they are expected at; the director one of any house. The
 * token is 32 random bytes, shown once; only its SHA-256 hash is stored, so a read of the database
 * gives no working link. Each fetch acts as the feed's owner at that moment: a revoked feed, a
 * disabled owner, a staff member no longer working in the house, or a token nobody knows all answer
 * the same "nothing here". Making and revoking a feed, and every fetch, are audited (never the
 * token). What a feed says of the sessions is in {@link CalendarFeedDocument}.
 */
@Service
public class CalendarFeeds {

	/** How many working feeds one person may hold at once. */
	static final int MOST_ACTIVE = 20;

	/** How far back and ahead a feed reaches, in days from today. */
	static final int PAST_DAYS = 90;

	static final int AHEAD_DAYS = 400;

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url: 43 characters. Anything else is not looked up. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final SessionRows rows;

	private final SessionTypes types;

	private final Accounts accounts;

	private final CareRelationships care;

	private final AccessPolicy policy;

	private final Programs programs;

	private final CalendarFeedDocument document;

	private final AuditTrail trail;

	private final Clock clock;

	private final ResidentShare share;

	CalendarFeeds(JdbcClient jdbc, SessionRows rows, SessionTypes types, Accounts accounts,
			CareRelationships care, AccessPolicy policy, Programs programs, CalendarFeedDocument document,
			AuditTrail trail, Clock clock, ResidentShare share) {
		this.share = share;
		this.jdbc = jdbc;
		this.rows = rows;
		this.types = types;
		this.accounts = accounts;
		this.care = care;
		this.policy = policy;
		this.programs = programs;
		this.document = document;
		this.trail = trail;
		this.clock = clock;
	}

	/** A feed just made: its secret token is in here once and nowhere else. */
	public record Issued(CalendarFeed feed, String token) {
	}

	/**
	 * Makes a feed for {@code user}: STAFF (program staff: the sessions they facilitate), RESIDENT (a
	 * resident: their own sessions), HOUSE (the director for any house of the program, staff and
	 * clinicians for a house they work in). Refused naming the field: no kind ({@code kind}), no or an
	 * unknown house ({@code houseId}), too many working feeds. Someone who may not have that kind of
	 * feed gets an access refusal, audited. The feed is written in {@code language}.
	 */
	@Transactional
	public Issued create(MilieuUser user, CalendarFeedKind kind, UUID houseId, Locale language) {
		if (kind == null) {
			throw new RuleViolation("calendarFeed.kind.required", "kind");
		}
		UUID program = user.programId().value();
		UUID resident = null;
		UUID house = null;
		switch (kind) {
			case STAFF -> requireStaff(user, kind);
			case RESIDENT -> {
				if (!user.has(Role.RESIDENT) || user.residentId() == null) {
					deny(user, kind, "only a resident has a feed of their own sessions");
				}
				resident = user.residentId();
				UUID home = currentHouse(program, resident);
				AccessDecision decision = policy.decide(user, AccessAction.READ, Sessions.CATEGORY,
						new ResidentScope(resident, home));
				if (!decision.allowed()) {
					deny(user, kind, decision.reason());
				}
			}
			case HOUSE -> {
				if (houseId == null) {
					throw new RuleViolation("calendarFeed.house.required", "houseId");
				}
				requireStaff(user, kind);
				if (!jdbc.sql("select exists (select 1 from residents_house where program_id = ? and id = ?)")
					.params(program, houseId).query(Boolean.class).single()) {
					throw new RuleViolation("calendarFeed.house.unknown", "houseId");
				}
				if (!user.has(Role.ADMIN) && !care.houses(user.accountId()).contains(houseId)) {
					deny(user, kind, "house " + houseId + " is not one " + user.getUsername() + " works in");
				}
				house = houseId;
			}
		}
		int active = jdbc.sql("select count(*) from sessions_calendar_feed where owner_account_id = ? and revoked_at is null")
			.param(user.accountId()).query(Integer.class).single();
		if (active >= MOST_ACTIVE) {
			throw new RuleViolation("calendarFeed.tooMany", "kind", MOST_ACTIVE);
		}
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		UUID id = UUID.randomUUID();
		Instant now = clock.instant();
		String lang = language == null || language.getLanguage().isEmpty() ? "en" : language.getLanguage();
		jdbc.sql("""
				insert into sessions_calendar_feed (id, program_id, kind, owner_account_id, resident_id, house_id, token_hash,
				    language, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, program, kind.name(), user.accountId(), resident, house, hash(token), lang, Timestamp.from(now))
			.update();
		trail.record(AuditEntry.of(user.actor(), AuditAction.CREATE, AuditOutcome.SUCCESS)
			.about(resident, Sessions.CATEGORY).on("CalendarFeed", id)
			.saying("calendar feed made: " + kind + (house == null ? "" : " of house " + house)));
		return new Issued(find(user, id), token);
	}

	/** The caller's own feeds, newest first, revoked ones too; never their links. */
	@Transactional(readOnly = true)
	public List<CalendarFeed> mine(MilieuUser user) {
		return jdbc.sql("""
				select f.id, f.kind, f.house_id, h.name as house_name, f.created_at, f.revoked_at, f.last_read_at
				  from sessions_calendar_feed f left join residents_house h on h.id = f.house_id
				 where f.program_id = ? and f.owner_account_id = ?
				 order by f.revoked_at is not null, f.created_at desc, f.id""")
			.params(user.programId().value(), user.accountId()).query(CalendarFeeds::feed).list();
	}

	/** A house someone may have a feed of. */
	public record FeedHouse(UUID id, String name) {
	}

	/** The kinds of feed {@code user} may make: STAFF and HOUSE for program staff, RESIDENT for a resident. */
	public List<CalendarFeedKind> kindsFor(MilieuUser user) {
		if (isStaff(user.roles())) {
			return List.of(CalendarFeedKind.STAFF, CalendarFeedKind.HOUSE);
		}
		return user.has(Role.RESIDENT) && user.residentId() != null ? List.of(CalendarFeedKind.RESIDENT) : List.of();
	}

	/** The houses {@code user} may have a feed of: every house for the director, the houses they work in for staff. */
	@Transactional(readOnly = true)
	public List<FeedHouse> housesFor(MilieuUser user) {
		if (!isStaff(user.roles())) {
			return List.of();
		}
		java.util.Set<UUID> mine = user.has(Role.ADMIN) ? null : care.houses(user.accountId());
		return jdbc.sql("select id, name from residents_house where program_id = ? order by name, id")
			.param(user.programId().value())
			.query((rs, n) -> new FeedHouse(rs.getObject("id", UUID.class), rs.getString("name"))).list().stream()
			.filter(h -> mine == null || mine.contains(h.id())).toList();
	}

	/** Revokes one of the caller's own feeds: its link answers nothing from now on. Anyone else's is "not found". */
	@Transactional
	public void revoke(MilieuUser user, UUID id) {
		int changed = jdbc.sql("""
				update sessions_calendar_feed set revoked_at = coalesce(revoked_at, ?)
				 where id = ? and program_id = ? and owner_account_id = ?""")
			.params(Timestamp.from(clock.instant()), id, user.programId().value(), user.accountId()).update();
		if (changed == 0) {
			throw new RecordNotFound("CalendarFeed", id);
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.UPDATE, AuditOutcome.SUCCESS).on("CalendarFeed", id)
			.saying("calendar feed revoked"));
	}

	/**
	 * The iCalendar text of the feed a token opens, as its owner may see it now; empty (and the
	 * caller answers "not found", whatever the reason) for a malformed, unknown or revoked token, a
	 * disabled owner, or an owner who no longer may have that feed. Every answer given is audited as
	 * a read by the owner, naming the feed, not the token.
	 */
	@Transactional
	public Optional<String> calendar(String token) {
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Optional<FeedRow> found = jdbc.sql("select * from sessions_calendar_feed where token_hash = ?").param(hash(token))
			.query(CalendarFeeds::row).optional();
		if (found.isEmpty()) {
			return Optional.empty();
		}
		FeedRow feed = found.get();
		Account owner = accounts.find(feed.owner).orElse(null);
		if (owner == null || !owner.enabled() || !owner.programId().equals(feed.program)) {
			return Optional.empty();
		}
		Actor actor = new Actor(feed.program, owner.id(), owner.username(),
				owner.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")));
		if (feed.revokedAt != null || !stillAllowed(feed, owner)) {
			trail.recordIndependently(AuditEntry.of(actor, AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(feed.resident, Sessions.CATEGORY).on("CalendarFeed", feed.id)
				.saying(feed.revokedAt != null ? "revoked calendar feed fetched" : "calendar feed its owner may no longer have"));
			return Optional.empty();
		}
		ProgramId program = new ProgramId(feed.program);
		LocalDate today = clock.instant().atZone(programs.timeZone(program)).toLocalDate();
		LocalDate from = today.minusDays(PAST_DAYS);
		LocalDate to = today.plusDays(AHEAD_DAYS);
		List<SessionType> kinds = types.all(program);
		List<Session> sessions = rows.within(feed.program, from, to).stream()
			.filter(s -> carries(feed, program, s, from, to)).toList();
		if (feed.kind == CalendarFeedKind.RESIDENT) {
			sessions = share.of(program, feed.resident, sessions,
					kinds.stream().collect(Collectors.toMap(SessionType::id, t -> t)), from, to);
		}
		String text = document.write(feed.kind, programs.timeZone(program), sessions, kinds,
				houseNames(feed.program), Locale.forLanguageTag(feed.language));
		jdbc.sql("update sessions_calendar_feed set last_read_at = ? where id = ?")
			.params(Timestamp.from(clock.instant()), feed.id).update();
		trail.record(AuditEntry.of(actor, AuditAction.READ, AuditOutcome.SUCCESS).about(feed.resident, Sessions.CATEGORY)
			.on("CalendarFeed", feed.id).saying("calendar feed fetched: " + feed.kind + ", " + sessions.size() + " sessions"));
		return Optional.of(text);
	}

	private boolean stillAllowed(FeedRow feed, Account owner) {
		return switch (feed.kind) {
			case STAFF -> isStaff(owner.roles());
			case RESIDENT -> owner.roles().contains(Role.RESIDENT) && feed.resident.equals(owner.residentId());
			case HOUSE -> owner.roles().contains(Role.ADMIN)
					|| (isStaff(owner.roles()) && care.houses(owner.id()).contains(feed.house));
		};
	}

	/**
	 * Whether the feed carries the session: its facilitator's, its house's, or one its resident is
	 * expected at (a house's and a small group's sessions are then cut to the resident's days there by
	 * {@link ResidentShare}).
	 */
	private boolean carries(FeedRow feed, ProgramId program, Session s, LocalDate from, LocalDate to) {
		return switch (feed.kind) {
			case STAFF -> s.facilitators().stream().anyMatch(f -> f.accountId().equals(feed.owner));
			case HOUSE -> feed.house.equals(s.houseId()) || feed.house.equals(s.attendeeHouseId());
			case RESIDENT -> switch (s.attendeeKind()) {
				case RESIDENTS -> s.residents().contains(feed.resident);
				case HOUSE, GROUP -> true;
			};
		};
	}

	private Map<UUID, String> houseNames(UUID program) {
		return jdbc.sql("select id, name from residents_house where program_id = ?").param(program)
			.query((rs, n) -> Map.entry(rs.getObject("id", UUID.class), rs.getString("name"))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private UUID currentHouse(UUID program, UUID resident) {
		return jdbc.sql("""
				select house_id from residents_stay where program_id = ? and resident_id = ?
				 order by discharged_on is null desc, admitted_on desc limit 1""")
			.params(program, resident).query(UUID.class).optional().orElse(null);
	}

	private CalendarFeed find(MilieuUser user, UUID id) {
		return mine(user).stream().filter(f -> f.id().equals(id)).findFirst()
			.orElseThrow(() -> new RecordNotFound("CalendarFeed", id));
	}

	private void requireStaff(MilieuUser user, CalendarFeedKind kind) {
		if (!isStaff(user.roles())) {
			deny(user, kind, "calendar feeds of sessions held are for program staff, not for " + user.getUsername());
		}
	}

	private static boolean isStaff(java.util.Collection<Role> roles) {
		return roles.contains(Role.ADMIN) || roles.contains(Role.CLINICIAN) || roles.contains(Role.STAFF);
	}

	private void deny(MilieuUser user, CalendarFeedKind kind, String reason) {
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
			.on("CalendarFeed", null).saying("CREATE " + kind + " feed refused: " + reason));
		throw new AccessDeniedException(reason);
	}

	static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	private record FeedRow(UUID id, UUID program, CalendarFeedKind kind, UUID owner, UUID resident, UUID house,
			String language, Instant revokedAt) {
	}

	private static FeedRow row(ResultSet rs, int n) throws SQLException {
		Timestamp revoked = rs.getTimestamp("revoked_at");
		return new FeedRow(rs.getObject("id", UUID.class), rs.getObject("program_id", UUID.class),
				CalendarFeedKind.valueOf(rs.getString("kind")), rs.getObject("owner_account_id", UUID.class),
				rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class), rs.getString("language"),
				revoked == null ? null : revoked.toInstant());
	}

	private static CalendarFeed feed(ResultSet rs, int n) throws SQLException {
		return new CalendarFeed(rs.getObject("id", UUID.class), CalendarFeedKind.valueOf(rs.getString("kind")),
				rs.getObject("house_id", UUID.class), rs.getString("house_name"), instant(rs.getTimestamp("created_at")),
				instant(rs.getTimestamp("revoked_at")), instant(rs.getTimestamp("last_read_at")));
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}
}
