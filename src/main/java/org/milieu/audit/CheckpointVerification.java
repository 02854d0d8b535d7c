package org.milieu.audit;

import org.jspecify.annotations.Nullable;

/**
 * The result of verifying the chain from a checkpoint: the checkpoint it started from (none when
 * there is none yet, and the whole chain was walked), whether the checkpoint's signature holds and
 * the rows after it are intact, how many rows were checked, and the first row that breaks it.
 */
public record CheckpointVerification(@Nullable AuditCheckpoint checkpoint, boolean intact, long checked,
		@Nullable Long firstBrokenId) {
}
