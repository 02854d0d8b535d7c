package org.milieu.work;

import java.util.UUID;

/** One line of a payout batch to be made: how much to pay one resident. */
public record NewPayout(UUID residentId, long amountCents) {
}
