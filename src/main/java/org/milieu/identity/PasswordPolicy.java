package org.milieu.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.milieu.shared.RuleViolation;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a new password must be: 12 to 128 characters, not one of the ~44,000 common passwords of
 * that length bundled with Milieu (identity/common-passwords.txt), and not containing the user name.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 12;

	public static final int MAX_LENGTH = 128;

	private volatile Set<String> common;

	/** @throws RuleViolation naming the field {@code password} and the rule broken */
	public void check(String username, String password) {
		if (password == null || password.length() < MIN_LENGTH) {
			throw new RuleViolation("password.too-short", "password", MIN_LENGTH);
		}
		if (password.length() > MAX_LENGTH) {
			throw new RuleViolation("password.too-long", "password", MAX_LENGTH);
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (commonPasswords().contains(lower)) {
			throw new RuleViolation("password.common", "password");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new RuleViolation("password.contains-username", "password");
		}
	}

	private Set<String> commonPasswords() {
		Set<String> loaded = common;
		if (loaded == null) {
			synchronized (this) {
				if (common == null) {
					common = load();
				}
				loaded = common;
			}
		}
		return loaded;
	}

	private static Set<String> load() {
		Set<String> words = new HashSet<>(64_000);
		try (BufferedReader in = new BufferedReader(new InputStreamReader(
				new ClassPathResource("identity/common-passwords.txt").getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				if (!line.isEmpty() && !line.startsWith("# ")) {
					words.add(line);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("the bundled common-password list is missing", ex);
		}
		return Set.copyOf(words);
	}
}
