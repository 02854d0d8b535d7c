package org.milieu.identity;

import java.util.UUID;

/**
 * The resident whose data is at stake and the house they live in (null when they have no open
 * stay): what the access policy needs to know about them, given by the module that owns them.
 */
public record ResidentScope(UUID residentId, UUID houseId) {
}
