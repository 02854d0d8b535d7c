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
		record Head(long lastId, String lastHash, long rows) {
		}
		Head head = jdbc.sql("select last_id, last_hash, row_count from audit_chain_head")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3))).single();
		Instant takenAt = jdbc.sql("select clock_timestamp()").query(Timestamp.class).single().toInstant();
		long id = jdbc.sql("""
				insert into audit_checkpoint (taken_at, last_id, last_hash, row_count, signature)
				values (?, ?, ?, ?, ?) returning id""")
			.params(Timestamp.from(takenAt), head.lastId(), head.lastHash(), head.rows(),
					sign(takenAt, head.lastId(), head.lastHash(), head.rows()))
			.query(Long.class).single();
		return Optional.of(new AuditCheckpoint(id, takenAt, head.lastId(), head.lastHash(), head.rows()));
	}

	/**
	 * Verifies the rows written since the latest checkpoint: the checkpoint's signature must hold,
	 * its row must still carry its hash, and every later row must chain to it up to the head. With
	 * no checkpoint yet, the whole chain is walked.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public CheckpointVerification verifyFromLatest() {
		record Stored(AuditCheckpoint checkpoint, String signature) {
		}
		Optional<Stored> latest = jdbc.sql("""
				select id, taken_at, last_id, last_hash, row_count, signature
				  from audit_checkpoint order by id desc limit 1""")
			.query((rs, n) -> new Stored(new AuditCheckpoint(rs.getLong("id"), rs.getTimestamp("taken_at").toInstant(),
					rs.getLong("last_id"), rs.getString("last_hash"), rs.getLong("row_count")), rs.getString("signature")))
			.optional();
		if (latest.isEmpty()) {
			ChainVerification all = chain.walk(0, "", 0);
			return new CheckpointVerification(null, all.intact(), all.checked(), all.firstBrokenId());
		}
		AuditCheckpoint cp = latest.get().checkpoint();
		boolean signed = MessageDigest.isEqual(latest.get().signature().getBytes(StandardCharsets.US_ASCII),
				sign(cp.takenAt(), cp.lastId(), cp.lastHash(), cp.rowCount()).getBytes(StandardCharsets.US_ASCII));
		if (!signed) {
			log.warn("Audit checkpoint {} does not carry a valid signature", cp.id());
			return new CheckpointVerification(cp, false, 0, cp.lastId());
		}
		if (cp.lastId() > 0) {
			// the checkpoint's row must still carry the hash it was signed with, and that hash its content
			boolean holds = jdbc.sql("""
					select e.hash = ? and e.hash = audit_record_digest(coalesce((select p.hash from audit_record p where p.id < e.id
					                                                             order by p.id desc limit 1), ''), e)
					  from audit_record e where e.id = ?""")
				.params(cp.lastHash(), cp.lastId()).query(Boolean.class).optional().orElse(false);
			if (!holds) {
				return new CheckpointVerification(cp, false, 0, cp.lastId());
			}
		}
		ChainVerification after = chain.walk(cp.lastId(), cp.lastHash(), cp.rowCount());
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

	private String sign(Instant takenAt, long lastId, String lastHash, long rows) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			String text = takenAt.toEpochMilli() + "|" + lastId + "|" + lastHash + "|" + rows;
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
