package org.milieu.shared;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids that begin with the time they were made (UUID version 7, RFC 9562): for records written in
 * great numbers, such as ratings, whose B-tree indexes then grow at their right edge and stay full
 * instead of splitting pages all over (a random id's index holds about a third of empty space).
 * Within one process the ids only ever grow: the 12 bits after the millisecond count the ids made
 * in it (RFC 9562, method 1), moving to the next millisecond should 4,096 not suffice, so a batch
 * of rows made at once is also inserted in order (an index page split in the middle of a batch
 * would leave its left half empty for good). The last 62 bits are random.
 */
public final class TimeOrderedIds {

	/** The millisecond and counter of the last id made, as (millisecond << 12) | counter. */
	private static final AtomicLong LAST = new AtomicLong();

	private TimeOrderedIds() {
	}

	/** A new id for a record made at {@code now}, greater than every id made before it here. */
	public static UUID next(Instant now) {
		long millis = now.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
		long stamp = LAST.updateAndGet(last -> Math.max(last + 1, millis << 12));
		long high = ((stamp >>> 12) << 16) | 0x7000L | (stamp & 0x0FFFL);
		long low = (ThreadLocalRandom.current().nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
		return new UUID(high, low);
	}
}
