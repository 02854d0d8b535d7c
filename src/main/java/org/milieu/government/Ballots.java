package org.milieu.government;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Casting ballots. A resident present at the meeting, while the meeting has its quorum and the
 * vote is open, casts one ballot as themself; the database refuses a second (one row per voter and
 * motion in {@code government_ballot_voter}). A secret ballot keeps no link from the voter to the
 * choice: the voter row says only that they voted, the ballot row says only what was chosen. Each
 * ballot cast on a device gets a receipt code; its holder looks it up to confirm that their ballot
 * is in the count. Staff enter the counts of paper ballots for residents without a device, into the
 * same vote. Casts take a shared lock on the motion, so a close waits for the ballots in flight and
 * no ballot comes after it.
 */
@Service
public class Ballots {

	private static final char[] RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final Motions motions;

	private final Membership membership;

	private final MeetingAttendance attendance;

	private final AccessPolicy policy;

	private final AuditTrail trail;

	Ballots(JdbcClient jdbc, Motions motions, Membership membership, MeetingAttendance attendance, AccessPolicy policy,
			AuditTrail trail) {
		this.jdbc = jdbc;
		this.motions = motions;
		this.membership = membership;
		this.attendance = attendance;
		this.policy = policy;
		this.trail = trail;
	}

	/**
	 * Casts the signed-in resident's ballot: yes, no or abstain; in an election a candidate, or
	 * abstain. Refused, storing nothing, when the motion waits for a second or is closed ({@code id}),
	 * the resident is absent or has voted already ({@code voter}), the meeting lacks its quorum
	 * ({@code quorum}), or the choice does not fit the motion ({@code choice}, {@code candidateId}).
	 * Staff and residents of another house are refused access.
	 */
	@Transactional
	public BallotReceipt cast(MilieuUser user, UUID motionId, Choice choice, UUID candidateId) {
		ProgramId program = user.programId();
		Motion motion = share(program, motionId);
		if (Membership.staff(user)) {
			membership.refuse(user, "Motion", motionId, "CREATE",
					"staff do not vote; they enter paper ballots for residents, not a ballot of " + user.getUsername());
		}
		UUID house = membership.requireMember(user, motion.houseId(), "Motion", motionId, "CREATE");
		UUID voter = user.residentId();
		requireVoting(motion);
		Set<UUID> present = attendance.present(motion.meetingId());
		if (!present.contains(voter)) {
			throw new RuleViolation("ballot.voter.absent", "voter");
		}
		requireQuorum(program, motion, present);
		requireFits(motion, choice, candidateId);
		policy.enforce(user, AuditAction.CREATE, DataCategory.GOVERNMENT, new ResidentScope(voter, house), "Ballot",
				motionId);
		int recorded = jdbc.sql("insert into government_ballot_voter (motion_id, resident_id, via) values (?, ?, 'DEVICE') "
				+ "on conflict do nothing").params(motionId, voter).update();
		if (recorded == 0) {
			throw new RuleViolation("ballot.voter.already", "voter");
		}
		for (int attempt = 0;; attempt++) {
			String code = receipt();
			int stored = jdbc.sql("""
					insert into government_ballot (id, motion_id, choice, candidate_id, voter_resident, receipt)
					values (?, ?, ?, ?, ?, ?) on conflict (motion_id, receipt) do nothing""")
				.params(UUID.randomUUID(), motionId, choice == null ? null : choice.name(), candidateId,
						motion.secret() ? null : voter, code)
				.update();
			if (stored == 1) {
				return new BallotReceipt(motionId, code);
			}
			if (attempt == 5) {
				throw new IllegalStateException("no free receipt code for motion " + motionId);
			}
		}
	}

	/**
	 * Enters paper ballots counted by staff: who voted on paper and the counts. Refused, storing
	 * nothing, when a voter is absent, of another house or has voted already ({@code voters}), the
	 * counts do not add up to the voters ({@code counts}) or name someone not standing
	 * ({@code candidates}), or the vote is not open ({@code id}) or lacks its quorum ({@code quorum}).
	 */
	@Transactional
	public int paper(MilieuUser user, UUID motionId, PaperBallots paper) {
		ProgramId program = user.programId();
		Motion motion = share(program, motionId);
		if (!Membership.staff(user)) {
			membership.refuse(user, "Motion", motionId, "CREATE",
					"paper ballots are entered by staff, not by " + user.getUsername());
		}
		requireVoting(motion);
		List<UUID> voters = paper.voters() == null ? List.of() : paper.voters();
		if (voters.isEmpty() || new HashSet<>(voters).size() != voters.size()) {
			throw new RuleViolation("ballot.paper.voters", "voters");
		}
		Set<UUID> members = membership.members(program, motion.houseId());
		Set<UUID> present = attendance.present(motion.meetingId());
		for (UUID voter : voters) {
			if (!members.contains(voter) || !present.contains(voter)) {
				throw new RuleViolation("ballot.paper.voter-absent", "voters");
			}
		}
		requireQuorum(program, motion, present);
		Map<UUID, Integer> byCandidate = paper.candidates() == null ? Map.of() : paper.candidates();
		if (paper.yes() < 0 || paper.no() < 0 || paper.abstain() < 0 || byCandidate.values().stream().anyMatch(n -> n == null || n < 0)) {
			throw new RuleViolation("ballot.paper.negative", "counts");
		}
		if (motion.kind() == MotionKind.ELECTION) {
			if (paper.yes() != 0 || paper.no() != 0 || !motion.candidates().containsAll(byCandidate.keySet())) {
				throw new RuleViolation("ballot.paper.candidates", "candidates");
			}
		}
		else if (!byCandidate.isEmpty()) {
			throw new RuleViolation("ballot.paper.candidates", "candidates");
		}
		int total = paper.yes() + paper.no() + paper.abstain() + byCandidate.values().stream().mapToInt(Integer::intValue).sum();
		if (total != voters.size()) {
			throw new RuleViolation("ballot.paper.total", "counts", total, voters.size());
		}
		for (UUID voter : voters) {
			policy.enforce(user, AuditAction.CREATE, DataCategory.GOVERNMENT, new ResidentScope(voter, motion.houseId() == null
					? membership.houseOf(program, voter) : motion.houseId()), "PaperBallot", motionId);
			int recorded = jdbc.sql("insert into government_ballot_voter (motion_id, resident_id, via) values (?, ?, 'PAPER') "
					+ "on conflict do nothing").params(motionId, voter).update();
			if (recorded == 0) {
				throw new RuleViolation("ballot.paper.already", "voters");
			}
		}
		insertPaper(motionId, Choice.YES.name(), null, paper.yes());
		insertPaper(motionId, Choice.NO.name(), null, paper.no());
		insertPaper(motionId, Choice.ABSTAIN.name(), null, paper.abstain());
		byCandidate.forEach((candidate, n) -> insertPaper(motionId, null, candidate, n));
		return total;
	}

	/**
	 * Looks a receipt code up: whether the ballot is in the count, and once the vote has closed what
	 * it chose. Anyone taking part in the meeting may look a code up; only the voter knows theirs.
	 */
	@Transactional
	public ReceiptCheck check(MilieuUser user, UUID motionId, String code) {
		membership.requireParticipant(user, "Motion", motionId);
		Motion motion = motions.find(user.programId(), motionId);
		membership.requireMember(user, motion.houseId(), "Motion", motionId, "READ");
		String normalised = code == null ? "" : code.strip().toUpperCase(Locale.ROOT);
		if (!normalised.matches("[A-Z2-9]{4}-[A-Z2-9]{4}")) {
			throw new RuleViolation("ballot.receipt.format", "code");
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
			.about(null, DataCategory.GOVERNMENT).on("Motion", motionId).saying("receipt looked up"));
		boolean closed = motion.status() == MotionStatus.CLOSED;
		return jdbc.sql("select choice, candidate_id from government_ballot where motion_id = ? and receipt = ?")
			.params(motionId, normalised)
			.query((rs, n) -> new ReceiptCheck(true, closed,
					closed && rs.getString("choice") != null ? Choice.valueOf(rs.getString("choice")) : null,
					closed ? rs.getObject("candidate_id", UUID.class) : null))
			.optional().orElse(new ReceiptCheck(false, closed, null, null));
	}

	/** Of these motions, the ones the signed-in resident has voted on (none for anyone else). */
	@Transactional(readOnly = true)
	public Set<UUID> votedOn(MilieuUser user, java.util.Collection<UUID> motionIds) {
		if (user.residentId() == null || motionIds.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("select motion_id from government_ballot_voter where resident_id = ? and motion_id = any(?)")
			.params(user.residentId(), motionIds.toArray(UUID[]::new)).query(UUID.class).list());
	}

	/** Whether a receipt is in the count; the choice it recorded only once the vote has closed. */
	public record ReceiptCheck(boolean counted, boolean closed, @Nullable Choice choice, @Nullable UUID candidateId) implements java.io.Serializable {
	}

	private void insertPaper(UUID motionId, String choice, UUID candidate, int n) {
		for (int i = 0; i < n; i++) {
			jdbc.sql("insert into government_ballot (id, motion_id, choice, candidate_id) values (?, ?, ?, ?)")
				.params(UUID.randomUUID(), motionId, choice, candidate).update();
		}
	}

	/** The motion, with a shared lock that keeps it from closing until this ballot is in. */
	private Motion share(ProgramId program, UUID motionId) {
		jdbc.sql("select id from government_motion where id = ? and program_id = ? for share")
			.params(motionId, program.value()).query(UUID.class).optional()
			.orElseThrow(() -> new RecordNotFound("Motion", motionId));
		return motions.find(program, motionId);
	}

	private static void requireVoting(Motion motion) {
		if (motion.status() == MotionStatus.MOVED) {
			throw new RuleViolation("ballot.motion.not-seconded", "id");
		}
		if (motion.status() == MotionStatus.CLOSED) {
			throw new RuleViolation("ballot.motion.closed", "id");
		}
	}

	private void requireQuorum(ProgramId program, Motion motion, Set<UUID> present) {
		Quorum quorum = attendance.quorum(program, motion.meetingId(), present);
		if (!quorum.met()) {
			throw new RuleViolation("ballot.quorum", "quorum", quorum.present(), quorum.required());
		}
	}

	private static void requireFits(Motion motion, Choice choice, UUID candidateId) {
		if (motion.kind() == MotionKind.ELECTION) {
			if (candidateId == null ? choice != Choice.ABSTAIN : choice != null || !motion.candidates().contains(candidateId)) {
				throw new RuleViolation("ballot.candidate", "candidateId");
			}
		}
		else if (choice == null || candidateId != null) {
			throw new RuleViolation("ballot.choice", "choice");
		}
	}

	private String receipt() {
		char[] code = new char[9];
		for (int i = 0; i < code.length; i++) {
			code[i] = i == 4 ? '-' : RECEIPT_ALPHABET[random.nextInt(RECEIPT_ALPHABET.length)];
		}
		return new String(code);
	}
}
