package org.milieu.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Proves, or disproves, that the audit trail is as it was written. */
@Service
public class AuditChain {

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes every row's hash from its content and the hash of the row before it, in id order, and
	 * compares the last row with the chain head the database keeps. The first mismatch names the
	 * broken row: an edited row fails its own hash, a removed or reordered row fails the link of
	 * the row after it, a cut tail leaves the head pointing past the last row.
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		return walk(0, "", 0);
	}

	/**
	 * The same check for the rows after {@code afterId} only: the first of them must link to
	 * {@code afterHash}, and the head must count {@code rowsBefore} rows more than are walked. Used
	 * from a checkpoint, whose own row is checked by the caller.
	 */
	ChainVerification walk(long afterId, String afterHash, long rowsBefore) {
		record Walk(long checked, Long firstBroken, Long lastId, String lastHash) {
		}
		Walk walk = jdbc.sql("""
				with walked as (
				  select id, hash is distinct from audit_record_digest(coalesce(lag(hash) over (order by id), ?), e) as broken
				    from audit_record e where id > ?)
				select count(*) as checked,
				       min(id) filter (where broken) as first_broken,
				       max(id) as last_id,
				       (select hash from audit_record where id > ? order by id desc limit 1) as last_hash
				  from walked""")
			.params(afterHash, afterId, afterId)
			.query((rs, n) -> new Walk(rs.getLong("checked"), (Long) rs.getObject("first_broken"),
					(Long) rs.getObject("last_id"), rs.getString("last_hash")))
			.single();
		record Head(long lastId, String lastHash, long rows) {
		}
		Head head = jdbc.sql("select last_id, last_hash, row_count from audit_chain_head")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2), rs.getLong(3)))
			.single();
		if (walk.firstBroken() != null) {
			return new ChainVerification(false, walk.checked(), walk.firstBroken());
		}
		long lastId = walk.lastId() == null ? afterId : walk.lastId();
		String lastHash = walk.lastHash() == null ? afterHash : walk.lastHash();
		if (head.lastId() != lastId || !head.lastHash().equals(lastHash) || head.rows() != rowsBefore + walk.checked()) {
			return new ChainVerification(false, walk.checked(), lastId + 1);
		}
		return new ChainVerification(true, walk.checked(), null);
	}
}
