package org.milieu.residents;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A client of the program: who they are, independent of where they stay. */
@Table("residents_resident")
public class Resident {

	@Id
	private final UUID id;

	private final UUID programId;

	private String givenName;

	private String familyName;

	private String preferredName;

	private LocalDate birthDate;

	@Version
	private Integer version;

	@PersistenceCreator
	Resident(UUID id, UUID programId, String givenName, String familyName, String preferredName, LocalDate birthDate,
			Integer version) {
		this.id = id;
		this.programId = programId;
		this.givenName = givenName;
		this.familyName = familyName;
		this.preferredName = preferredName;
		this.birthDate = birthDate;
		this.version = version;
	}

	public UUID id() {
		return id;
	}

	public UUID programId() {
		return programId;
	}

	public String givenName() {
		return givenName;
	}

	public String familyName() {
		return familyName;
	}

	public String preferredName() {
		return preferredName;
	}

	/** How the community addresses them: the preferred name if given, else the given name. */
	public String displayName() {
		return (preferredName != null ? preferredName : givenName) + " " + familyName;
	}

	public LocalDate birthDate() {
		return birthDate;
	}

	public int version() {
		return version == null ? 0 : version;
	}
}
