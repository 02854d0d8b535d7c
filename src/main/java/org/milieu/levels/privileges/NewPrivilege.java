package org.milieu.levels.privileges;

/** A command to add a custom privilege to the catalogue: its code (e.g. {@code GARDEN_PLOT}), name, description and level. */
public record NewPrivilege(String code, String name, String description, Integer minLevel, String reason) {
}
