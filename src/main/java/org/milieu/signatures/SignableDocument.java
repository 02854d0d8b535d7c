package org.milieu.signatures;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import org.milieu.identity.ResidentScope;
import org.milieu.shared.DataCategory;

/**
 * One version of a document as the signature component sees it: the exact bytes signed, a title for
 * the signing page (ids only ever go into addresses), whose record it is, the category of that
 * record for the access policy, and where the signer goes back to afterwards ({@code returnPath},
 * a path within Milieu).
 */
public record SignableDocument(String kind, UUID documentId, int version, UUID programId, ResidentScope resident,
		DataCategory category, String title, byte[] content, String returnPath) {

	public SignableDocument {
		content = content.clone();
	}

	/** A version whose content is text: signed as its UTF-8 bytes. */
	public static SignableDocument ofText(String kind, UUID documentId, int version, UUID programId, ResidentScope resident,
			DataCategory category, String title, String text, String returnPath) {
		return new SignableDocument(kind, documentId, version, programId, resident, category, title,
				text.getBytes(StandardCharsets.UTF_8), returnPath);
	}

	@Override
	public byte[] content() {
		return content.clone();
	}

	/** The SHA-256 of the content, as 64 lower-case hexadecimal digits: what a signature records and is checked against. */
	public String contentHash() {
		return sha256(content);
	}

	/** The hash a text content has ({@link #ofText}), for an owner that shows it beside a version it has already read. */
	public static String hashOfText(String text) {
		return sha256(text.getBytes(StandardCharsets.UTF_8));
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
