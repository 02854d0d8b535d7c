package org.milieu.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signed checkpoints of the audit chain, so a daily verification walks only the rows written since
 * the latest one. A checkpoint is taken only after the chain verified intact up to it (from the
 * previous checkpoint), and signed with HMAC-SHA256 under a key kept outside the database: the
 * configured {@code milieu.audit.checkpoint-key}, or else a random key kept in the data directory
 * ({@code audit-checkpoint.key}, created on first use). Several nodes must share the key.
 */
@Service
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	private final JdbcClient jdbc;

	private final AuditChain chain;

	private final byte[] key;

	AuditCheckpoints(JdbcClient jdbc, AuditChain chain, @Value("${milieu.audit.checkpoint-key:}") String configured,
			@Value("${milieu.data-dir}") Path dataDir) {
		this.jdbc = jdbc;
		this.chain = chain;
		this.key = configured.isBlank() ? keyFile(dataDir.resolve("audit-checkpoint.key"))
				: configured.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Verifies the chain from the latest checkpoint (or from the first row when there is none) and,
	 * when it is intact, takes a checkpoint at the head. Empty when the chain is broken; the caller
	 * learns where from {@link #verifyFromLatest()}.
	 */
	@Transactional(isolation = Isolation.REPEATABLE_READ)
	public Optional<AuditCheckpoint> take() {
		CheckpointVerification verified = verifyFromLatest();
		if (!verified.intact()) {
			return Optional.empty();
		}
		ChainLanes heads = ChainLanes.heads(jdbc);
		Instant takenAt = jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
		String lanes = heads.text();
		long id = jdbc.sql("""
				insert into audit_checkpoint (taken_at, last_id, last_hash, row_count, lanes, signature)
				values (?, ?, ?, ?, ?, ?) returning id""")
			.params(Timestamp.from(takenAt), heads.lastId(), heads.lastHash(), heads.totalRows(), lanes,
					sign(takenAt, heads.lastId(), heads.lastHash(), heads.totalRows(), lanes))
			.query(Long.class).single();
		return Optional.of(new AuditCheckpoint(id, takenAt, heads.lastId(), heads.lastHash(), heads.totalRows()));
	}

	/**
	 * Verifies the rows written since the latest checkpoint: the checkpoint's signature must hold,
	 * its row must still carry its hash, and every later row must chain to it up to the head. With
	 * no checkpoint yet, the whole chain is walked.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public CheckpointVerification verifyFromLatest() {
		record Stored(AuditCheckpoint checkpoint, String lanes, String signature) {
		}
		Optional<Stored> latest = jdbc.sql("""
				select id, taken_at, last_id, last_hash, row_count, lanes, signature
				  from audit_checkpoint order by id desc limit 1""")
			.query((rs, n) -> new Stored(new AuditCheckpoint(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(),
					rs.getLong("last_id"), rs.getString("last_hash"), rs.getLong("row_count")), rs.getString("lanes"),
					rs.getString("signature")))
			.optional();
		if (latest.isEmpty()) {
			ChainVerification all = chain.walk(ChainLanes.empty());
			return new CheckpointVerification(null, all.intact(), all.checked(), all.firstBrokenId());
		}
		AuditCheckpoint cp = latest.get().checkpoint();
		String lanes = latest.get().lanes();
		boolean signed = MessageDigest.isEqual(latest.get().signature().getBytes(StandardCharsets.US_ASCII),
				sign(cp.takenAt(), cp.lastId(), cp.lastHash(), cp.rowCount(), lanes).getBytes(StandardCharsets.US_ASCII));
		if (!signed) {
			log.warn("Audit checkpoint {} does not carry a valid signature", cp.id());
			return new CheckpointVerification(cp, false, 0, cp.lastId());
		}
		// a checkpoint taken before the chain had lanes stands for lane 0 alone
		ChainLanes at = lanes == null ? ChainLanes.laneZero(cp.lastId(), cp.lastHash(), cp.rowCount()) : ChainLanes.parse(lanes);
		// each lane's last row there must still carry the hash it was signed with, and that hash its content
		long broken = jdbc.sql("""
				select coalesce(min(s.last_id), 0)
				  from unnest(?::smallint[], ?::bigint[], ?::text[]) as s(lane, last_id, last_hash)
				  left join audit_record e on e.id = s.last_id and e.lane = s.lane
				 where s.last_id > 0
				   and (e.id is null or e.hash <> s.last_hash
				        or e.hash <> audit_record_digest(coalesce((select p.hash from audit_record p
				                                                    where p.lane = e.lane and p.id < e.id
				                                                    order by p.id desc limit 1), ''), e))""")
			.params(at.laneNumbers(), at.boxedLastIds(), at.lastHashes())
			.query(Long.class).single();
		if (broken > 0) {
			return new CheckpointVerification(cp, false, 0, broken);
		}
		ChainVerification after = chain.walk(at);
		return new CheckpointVerification(cp, after.intact(), after.checked(), after.firstBrokenId());
	}

	/** Every night: a checkpoint at the head, if the chain since the last one verifies. */
	@Scheduled(cron = "${milieu.audit.checkpoint-cron:0 30 3 * * *}")
	// held at least 5 minutes: a node whose clock is a little behind must not take a second checkpoint
	// after the first node has finished and released the lock
	@SchedulerLock(name = "audit-checkpoint", lockAtMostFor = "PT1H", lockAtLeastFor = "PT5M")
	void nightly() {
		if (take().isEmpty()) {
			log.error("Audit chain does not verify from its latest checkpoint; no new checkpoint taken");
		}
	}

	private String sign(Instant takenAt, long lastId, String lastHash, long rows, String lanes) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String text = takenAt.toEpochMilli() + "|" + lastId + "|" + lastHash + "|" + rows
					+ (lanes == null ? "" : "|" + lanes);
			return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] keyFile(Path file) {
		try {
			if (!Files.exists(file)) {
				Files.createDirectories(file.getParent());
				byte[] fresh = new byte[32];
				new SecureRandom().nextBytes(fresh);
				// readable by its owner only from the moment it exists, where the file system has POSIX permissions
				if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
					Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
				}
				Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
			}
			return Base64.getDecoder().decode(Files.readString(file).strip());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read or create the audit checkpoint key " + file.getFileName(), ex);
		}
	}
}
