package org.milieu.signatures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The append-only signature table: rows are added and read, never changed (a trigger refuses it). */
@Repository
class SignatureRows {

	private static final String COLUMNS = """
			id, document_kind, document_id, document_version, resident_id, signer_account_id, signer_username,
			signer_name, signer_role, session_account_id, meaning_code, meaning_text, meaning_language, declined,
			decline_reason, content_sha256, method, signed_at""";

	private final JdbcClient jdbc;

	SignatureRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void add(UUID programId, Signature s) {
		jdbc.sql("insert into sig_signature (program_id, " + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(programId, s.id(), s.kind(), s.documentId(), s.version(), s.residentId(), s.signerAccountId(),
					s.signerUsername(), s.signerName(), s.signerRole(), s.sessionAccountId(), s.meaningCode(),
					s.meaningText(), s.meaningLanguage(), s.declined(), s.declineReason(), s.contentHash(),
					s.method().name(), Timestamp.from(s.signedAt()))
			.update();
	}

	/** Whether the version already has a signature in this meaning (or, with {@code orDeclined}, a decline too). */
	boolean exists(String kind, UUID documentId, int version, String meaning, boolean orDeclined) {
		return jdbc.sql("""
				select exists (select 1 from sig_signature where document_kind = ? and document_id = ? and document_version = ?
				                  and meaning_code = ? and (? or not declined))""")
			.params(kind, documentId, version, meaning, orDeclined).query(Boolean.class).single();
	}

	/** A document's signatures in the program, every version or one, oldest first. */
	List<Signature> of(UUID programId, String kind, UUID documentId, Integer version) {
		return jdbc.sql("select " + COLUMNS + " from sig_signature where program_id = ? and document_kind = ? and document_id = ?"
				+ " and (cast(? as integer) is null or document_version = ?) order by document_version, signed_at, id")
			.params(programId, kind, documentId, version, version).query(SignatureRows::signature).list();
	}

	Optional<Signature> find(UUID programId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from sig_signature where program_id = ? and id = ?").params(programId, id)
			.query(SignatureRows::signature).optional();
	}

	private static Signature signature(ResultSet rs, int row) throws SQLException {
		return new Signature(rs.getObject("id", UUID.class), rs.getString("document_kind"),
				rs.getObject("document_id", UUID.class), rs.getInt("document_version"), rs.getObject("resident_id", UUID.class),
				rs.getObject("signer_account_id", UUID.class), rs.getString("signer_username"), rs.getString("signer_name"),
				rs.getString("signer_role"), rs.getObject("session_account_id", UUID.class), rs.getString("meaning_code"),
				rs.getString("meaning_text"), rs.getString("meaning_language"), rs.getBoolean("declined"),
				rs.getString("decline_reason"), rs.getString("content_sha256"), SigningMethod.valueOf(rs.getString("method")),
				rs.getTimestamp("signed_at").toInstant());
	}
}
