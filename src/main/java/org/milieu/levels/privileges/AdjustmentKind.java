package org.milieu.levels.privileges;

/** An individual exception to the catalogue for one resident. */
public enum AdjustmentKind {

	/** Allowed below the privilege's level. */
	GRANT,
	/** Refused whatever the level; beats a grant. */
	RESTRICT;

	public String nameKey() {
		return "privilege.kind." + name();
	}
}
