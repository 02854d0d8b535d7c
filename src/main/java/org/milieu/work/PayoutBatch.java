package org.milieu.work;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A payout batch and, when read as a receipt, its lines: {@code receiptNumber} counts up per
 * program. The lines shown are those of residents the reader may see.
 */
public record PayoutBatch(UUID id, PayoutMethod method, long receiptNumber, long totalCents, String currency,
		int lineCount, String paidBy, Instant paidAt, List<Line> lines) {

	/** One resident paid in the batch, with their balance after it. */
	public record Line(UUID entryId, UUID residentId, String residentName, long amountCents, long balanceAfterCents,
			boolean reversed) {
	}
}
