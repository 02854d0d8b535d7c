package org.milieu.signatures;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.identity.Role;
import org.milieu.shared.DataCategory;
import org.milieu.platform.database.EmbeddedDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * Test fixture: a signable kind of its own, "test-document", over a table the tests create, so the
 * signature component is proven without any real module's documents. A clinician of the resident's
 * house signs "Reviewed by"; the resident signs "I agree".
 */
@Component
public class TestDocuments implements SignableKind {

	public static final String KIND = "test-document";

	public static final SignatureMeaning REVIEWED = new SignatureMeaning("reviewed", "signature.meaning.reviewed", Role.CLINICIAN);

	public static final SignatureMeaning AGREED = new SignatureMeaning("agreed", "signature.meaning.agreed", Role.RESIDENT);

	private final JdbcClient jdbc;

	TestDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private volatile boolean tableMade;

	private void ensureTable() {
		if (tableMade) {
			return;
		}
		tableMade = true;
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		owner().sql("""
				create table if not exists sig_test_document (
				    id uuid not null, version integer not null, program_id uuid not null, resident_id uuid not null,
				    house_id uuid, title text not null, body text not null, primary key (id, version))""").update();
		owner().sql("grant select, insert on sig_test_document to " + server.applicationRole()).update();
	}

	/** The database's owner, who may create the table and change rows the application may not. */
	private static JdbcClient owner() {
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), server.username(), ""));
	}

	/** Writes a version of a test document about a resident of a house; returns it as signable. */
	public SignableDocument write(UUID programId, UUID residentId, UUID houseId, UUID id, int version, String title,
			String body) {
		ensureTable();
		jdbc.sql("insert into sig_test_document (id, version, program_id, resident_id, house_id, title, body) values (?, ?, ?, ?, ?, ?, ?)")
			.params(id, version, programId, residentId, houseId, title, body).update();
		return document(id, version).orElseThrow();
	}

	/** Changes a version's text behind the signature component's back, as someone with database access could. */
	public void tamper(UUID id, int version, String body) {
		ensureTable();
		owner().sql("update sig_test_document set body = ? where id = ? and version = ?").params(body, id, version).update();
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public Optional<SignableDocument> document(UUID documentId, int version) {
		ensureTable();
		return jdbc.sql("select program_id, resident_id, house_id, title, body from sig_test_document where id = ? and version = ?")
			.params(documentId, version)
			.query((rs, n) -> SignableDocument.ofText(KIND, documentId, version, rs.getObject("program_id", UUID.class),
					new ResidentScope(rs.getObject("resident_id", UUID.class), rs.getObject("house_id", UUID.class)),
					DataCategory.CLINICAL_NOTES, rs.getString("title"),
					rs.getString("title") + "\n" + version + "\n" + rs.getString("body"), "/residents"))
			.optional();
	}

	@Override
	public List<SignatureMeaning> meanings() {
		return List.of(REVIEWED, AGREED);
	}

	@Override
	public List<SignatureMeaning> meaningsFor(MilieuUser signer, SignableDocument document) {
		if (signer.has(Role.RESIDENT)) {
			return document.resident().residentId().equals(signer.residentId()) ? List.of(AGREED) : List.of();
		}
		return signer.has(Role.CLINICIAN) ? List.of(REVIEWED) : List.of();
	}
}
