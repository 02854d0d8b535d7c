package org.milieu.residents;

import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** A residence of the program: a men's, women's or mixed house with its beds. */
@Table("residents_house")
public class House {

	@Id
	private final UUID id;

	private final UUID programId;

	private String name;

	private HouseKind kind;

	private String address;

	@Version
	private Integer version;

	@PersistenceCreator
	House(UUID id, UUID programId, String name, HouseKind kind, String address, Integer version) {
		this.id = id;
		this.programId = programId;
		this.name = name;
		this.kind = kind;
		this.address = address;
		this.version = version;
	}

	static House found(UUID id, UUID programId, HouseDetails details) {
		return new House(id, programId, details.name().trim(), details.kind(), TrimmedText.orNull(details.address()), null);
	}

	void revise(HouseDetails details) {
		this.name = details.name().trim();
		this.kind = details.kind();
		this.address = TrimmedText.orNull(details.address());
	}

	public UUID id() {
		return id;
	}

	public UUID programId() {
		return programId;
	}

	public String name() {
		return name;
	}

	public HouseKind kind() {
		return kind;
	}

	public String address() {
		return address;
	}

	/** Optimistic-locking version; the API's ETag. */
	public int version() {
		return version == null ? 0 : version;
	}

}
