package org.milieu.government;

import java.util.UUID;

/** What a voter keeps after casting a ballot on a device: the code that finds their ballot in the count. */
public record BallotReceipt(UUID motionId, String code) {
}
