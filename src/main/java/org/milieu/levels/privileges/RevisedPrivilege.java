package org.milieu.levels.privileges;

/**
 * A command to change a privilege of the catalogue: the level it comes with, whether it is
 * offered, and for a custom privilege its name and description (a default one has none: they
 * come from the message bundles). {@code reason} is kept in the history.
 */
public record RevisedPrivilege(Integer minLevel, Boolean active, String name, String description, String reason) {
}
