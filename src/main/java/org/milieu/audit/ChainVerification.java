package org.milieu.audit;

import org.jspecify.annotations.Nullable;
/**
 * The result of recomputing the audit chain: whether it is intact, how many rows were checked,
 * and the first row that breaks it (an edited, removed or reordered row, or, when the tail was
 * cut, the first id that should still be there).
 */
public record ChainVerification(boolean intact, long checked, @Nullable Long firstBrokenId) {
}
