package org.milieu.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proves, or disproves, that the audit trail is as it was written. The trail is chained in lanes
 * (see {@link ChainLanes}); each lane is checked as one chain.
 */
@Service
public class AuditChain {

	private final JdbcClient jdbc;

	AuditChain(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Recomputes every row's hash from its content and the hash of the row before it in its lane, in
	 * id order, and compares each lane's last row with the lane's head the database keeps. The first
	 * mismatch names the broken row: an edited row fails its own hash, a removed or reordered row
	 * fails the link of the next row of its lane, a row moved to another lane fails the links of
	 * both, a row in no lane is broken itself, a cut tail leaves its lane's head naming a row that is
	 * no longer there (that row is named; of several lanes cut, the lowest).
	 */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		return walk(ChainLanes.empty());
	}

	/**
	 * The same check for the rows after {@code from} only: each lane's first row after it must link
	 * to the lane's hash there, and each lane's head must count the lane's rows there and the rows
	 * walked. Used from a checkpoint, whose own rows are checked by the caller.
	 */
	ChainVerification walk(ChainLanes from) {
		record Walk(long checked, Long firstBroken, Long headMismatch) {
		}
		Walk walk = jdbc.sql("""
				with start as (
				  select * from unnest(?::smallint[], ?::bigint[], ?::text[], ?::bigint[]) as s(lane, last_id, last_hash, row_count)),
				walked as (
				  select e.id, e.lane, e.hash,
				         s.lane is null
				           or e.hash is distinct from audit_record_digest(
				                coalesce(lag(e.hash) over (partition by e.lane order by e.id), s.last_hash), e) as broken,
				         lead(e.id) over (partition by e.lane order by e.id) is null as last
				    from audit_record e left join start s on s.lane = e.lane
				   where e.id > ? and (s.lane is null or e.id > s.last_id)),
				lanes as (
				  select s.lane, count(w.id) as checked, min(w.id) filter (where w.broken) as first_broken,
				         coalesce(max(w.id), s.last_id) as last_id,
				         coalesce(max(w.hash) filter (where w.last), s.last_hash) as last_hash,
				         s.row_count + count(w.id) as row_count
				    from start s left join walked w on w.lane = s.lane
				   group by s.lane, s.last_id, s.last_hash, s.row_count)
				select (select count(*) from walked) as checked,
				       (select min(id) from walked where broken) as first_broken,
				       (select min(case when h.last_id > l.last_id then h.last_id else l.last_id + 1 end)
				          from lanes l left join audit_chain_head h on h.lane = l.lane
				         where h.lane is null or h.last_id <> l.last_id or h.last_hash <> l.last_hash
				               or h.row_count <> l.row_count) as head_mismatch""")
			.params(from.laneNumbers(), from.boxedLastIds(), from.lastHashes(), from.boxedRows(), from.lowestLastId())
			.query((rs, n) -> new Walk(rs.getLong("checked"), (Long) rs.getObject("first_broken"),
					(Long) rs.getObject("head_mismatch")))
			.single();
		// the lowest of the first broken row and the lowest row a lane's head names wrongly
		Long first = walk.firstBroken();
		if (first == null || walk.headMismatch() != null && walk.headMismatch() < first) {
			first = walk.headMismatch();
		}
		return new ChainVerification(first == null, walk.checked(), first);
	}
}
