package org.milieu.residents;

import java.time.LocalTime;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A residence of the program, or a cohort of people living at home: who it is for (men, women
 * or everyone), what kind of setting it is, and its beds.
 */
@Table("residents_house")
public class House {

	@Id
	private final UUID id;

	private final UUID programId;

	private String name;

	private HouseKind kind;

	private HouseType type;

	private String address;

	private LocalTime curfew;

	@Version
	private Integer version;

	@PersistenceCreator
	House(UUID id, UUID programId, String name, HouseKind kind, HouseType type, String address, LocalTime curfew,
			Integer version) {
		this.id = id;
		this.type = type == null ? HouseType.RESIDENTIAL : type;
		this.curfew = curfew;
		this.programId = programId;
		this.name = name;
		this.kind = kind;
		this.address = address;
		this.version = version;
	}

	static House found(UUID id, UUID programId, HouseDetails details) {
		return new House(id, programId, details.name().trim(), details.kind(), details.type(), TrimmedText.orNull(details.address()),
				details.curfew(), null);
	}

	void revise(HouseDetails details) {
		this.name = details.name().trim();
		this.kind = details.kind();
		this.type = details.type();
		this.address = TrimmedText.orNull(details.address());
		this.curfew = details.curfew();
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

	/** What kind of setting the house is: residential, sober home or outpatient cohort. */
	public HouseType type() {
		return type;
	}

	public String address() {
		return address;
	}

	/** The time of day residents must be back from a pass; null when the house has no curfew. */
	public LocalTime curfew() {
		return curfew;
	}

	/** Optimistic-locking version; the API's ETag. */
	public int version() {
		return version == null ? 0 : version;
	}

}
