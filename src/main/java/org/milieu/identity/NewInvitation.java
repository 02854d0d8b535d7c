package org.milieu.identity;

import java.util.Set;
import java.util.UUID;

/** A command to invite someone: their user name, name, roles, the houses they work in, and for a resident their record. */
public record NewInvitation(String username, String displayName, Set<Role> roles, Set<UUID> houseIds, UUID residentId) {
}
