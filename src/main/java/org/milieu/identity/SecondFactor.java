package org.milieu.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;
import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.platform.RunMode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * The second factor: TOTP codes from an authenticator app (RFC 6238, 6 digits, 30 seconds) and
 * one-time recovery codes. Required for ADMIN, CLINICIAN and STAFF when
 * {@code milieu.security.mfa-required} is true, which is the default with an external database
 * and off for the embedded demo. A code is accepted once only, within one step either side of now.
 */
@Service
public class SecondFactor {

	static final int PERIOD_SECONDS = 30;

	static final int RECOVERY_CODES = 10;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final AuditTrail trail;

	private final boolean required;

	private final SignInThrottle throttle;

	private final DefaultCodeGenerator codes = new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6);

	SecondFactor(JdbcClient jdbc, Clock clock, AuditTrail trail, RunMode mode, SignInThrottle throttle,
			@Value("${milieu.security.mfa-required:}") String requiredSetting) {
		this.throttle = throttle;
		this.jdbc = jdbc;
		this.clock = clock;
		this.trail = trail;
		this.required = StringUtils.hasText(requiredSetting) ? Boolean.parseBoolean(requiredSetting.trim()) : !mode.embedded();
	}

	/** Whether this person must have a second factor before using Milieu. */
	public boolean requiredFor(MilieuUser user) {
		return required && (user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF));
	}

	@Transactional(readOnly = true)
	public boolean enrolled(UUID accountId) {
		return jdbc.sql("select exists (select 1 from identity_totp where account_id = ? and confirmed_at is not null)")
			.param(accountId).query(Boolean.class).single();
	}

	/**
	 * Starts (or resumes) enrolment: a new secret, unconfirmed until {@link #confirm} sees a
	 * right code. Returns the secret for typing in and an image of it as a QR code.
	 */
	@Transactional
	public Enrolment enrol(MilieuUser user) {
		if (enrolled(user.accountId())) {
			throw new IllegalStateException("already enrolled");
		}
		String secret = jdbc.sql("select secret from identity_totp where account_id = ?").param(user.accountId())
			.query(String.class).optional().orElseGet(() -> {
				String fresh = new DefaultSecretGenerator(32).generate();
				jdbc.sql("insert into identity_totp (account_id, secret, created_at) values (?, ?, ?)")
					.params(user.accountId(), fresh, Timestamp.from(clock.instant())).update();
				return fresh;
			});
		QrData data = new QrData.Builder().label(user.getUsername()).secret(secret).issuer("Milieu")
			.algorithm(HashingAlgorithm.SHA1).digits(6).period(PERIOD_SECONDS).build();
		try {
			ZxingPngQrGenerator qr = new ZxingPngQrGenerator();
			qr.setImageSize(240);
			return new Enrolment(secret, Utils.getDataUriForImage(qr.generate(data), qr.getImageMimeType()));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("could not draw the QR code", ex);
		}
	}

	/**
	 * Confirms enrolment with a code from the authenticator; returns the recovery codes, shown
	 * once, or empty when the code is wrong.
	 */
	@Transactional
	public Optional<List<String>> confirm(MilieuUser user, String code) {
		String secret = jdbc.sql("select secret from identity_totp where account_id = ? and confirmed_at is null")
			.param(user.accountId()).query(String.class).optional().orElse(null);
		if (secret == null || !acceptTotp(user.accountId(), secret, code)) {
			return Optional.empty();
		}
		jdbc.sql("update identity_totp set confirmed_at = ? where account_id = ?")
			.params(Timestamp.from(clock.instant()), user.accountId()).update();
		List<String> recovery = List.of(new RecoveryCodeGenerator().generateCodes(RECOVERY_CODES));
		jdbc.sql("delete from identity_recovery_code where account_id = ?").param(user.accountId()).update();
		for (String r : recovery) {
			jdbc.sql("insert into identity_recovery_code (account_id, code_hash) values (?, ?)")
				.params(user.accountId(), AccountAdministration.hash(normalise(r))).update();
		}
		trail.record(AuditEntry.of(user.actor(), AuditAction.ACCOUNT_CHANGE, AuditOutcome.SUCCESS)
			.on("Account", user.accountId()).saying("second factor enrolled"));
		return Optional.of(recovery);
	}

	/** Checks a code at sign-in: a current TOTP code not used before, or an unused recovery code. */
	@Transactional
	public boolean verify(UUID accountId, String code) {
		String secret = jdbc.sql("select secret from identity_totp where account_id = ? and confirmed_at is not null")
			.param(accountId).query(String.class).optional().orElse(null);
		if (secret == null || code == null) {
			return false;
		}
		String trimmed = code.replace(" ", "");
		if (trimmed.matches("\\d{6}")) {
			return acceptTotp(accountId, secret, trimmed);
		}
		return jdbc.sql("update identity_recovery_code set used_at = ? where account_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(clock.instant()), accountId, AccountAdministration.hash(normalise(code)))
			.update() == 1;
	}

	/**
	 * The second stage of signing in. A wrong code counts toward the same lockout as a wrong
	 * password; every attempt is audited.
	 */
	@Transactional
	public Attempt signIn(MilieuUser user, String code) {
		if (throttle.isLocked(user.accountId())) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
				.saying("second factor refused: account locked"));
			return Attempt.LOCKED;
		}
		if (verify(user.accountId(), code)) {
			throttle.succeeded(user.accountId());
			trail.record(AuditEntry.of(user.actor(), AuditAction.SIGN_IN, AuditOutcome.SUCCESS).saying("second factor"));
			return Attempt.ACCEPTED;
		}
		throttle.failed(user.accountId());
		trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.SIGN_IN_FAILED, AuditOutcome.FAILURE)
			.saying("wrong second factor"));
		return throttle.isLocked(user.accountId()) ? Attempt.LOCKED : Attempt.REJECTED;
	}

	/** How a second-factor attempt ended. */
	public enum Attempt {
		ACCEPTED, REJECTED, LOCKED
	}

	/** How many unused recovery codes are left. */
	@Transactional(readOnly = true)
	public int recoveryCodesLeft(UUID accountId) {
		return jdbc.sql("select count(*) from identity_recovery_code where account_id = ? and used_at is null")
			.param(accountId).query(Integer.class).single();
	}

	private boolean acceptTotp(UUID accountId, String secret, String code) {
		if (code == null || !code.trim().matches("\\d{6}")) {
			return false;
		}
		long now = clock.instant().getEpochSecond() / PERIOD_SECONDS;
		long last = jdbc.sql("select last_step from identity_totp where account_id = ? for update").param(accountId)
			.query(Long.class).single();
		for (long step = now - 1; step <= now + 1; step++) {
			if (step > last && matches(secret, step, code.trim())) {
				jdbc.sql("update identity_totp set last_step = ? where account_id = ?").params(step, accountId).update();
				return true;
			}
		}
		return false;
	}

	private boolean matches(String secret, long step, String code) {
		try {
			return MessageDigest.isEqual(codes.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
					code.getBytes(StandardCharsets.US_ASCII));
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String normalise(String recoveryCode) {
		return recoveryCode.trim().toLowerCase(Locale.ROOT).replace(" ", "");
	}

	/** What an enrolling person needs: the secret to type in, and the same as a QR code image. */
	public record Enrolment(String secret, String qrDataUri) {
	}
}
