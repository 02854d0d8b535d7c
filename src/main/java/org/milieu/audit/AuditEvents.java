package org.milieu.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.milieu.shared.Csv;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the audit trail: by resident, account, action and time, a page at a time using the
 * id as the key, so the first page stays fast however many millions of rows there are.
 */
@Service
public class AuditEvents {

	private final JdbcClient jdbc;

	private final AuditTrail trail;

	AuditEvents(JdbcClient jdbc, AuditTrail trail) {
		this.jdbc = jdbc;
		this.trail = trail;
	}

	/** A page of the trail for an auditor; the look itself is recorded, as it shows whose data was seen. */
	@Transactional
	public List<AuditRecord> search(Actor auditor, AuditQuery query) {
		trail.record(AuditEntry.of(auditor, AuditAction.QUERY, AuditOutcome.SUCCESS).about(query.residentId(), null)
			.on("AuditTrail", null).saying(describe(query)));
		return find(query);
	}

	/**
	 * Writes the rows matching {@code query} (all of them, oldest first, in pages) as CSV and records
	 * the export; the export and its record commit together.
	 */
	@Transactional
	public long export(Actor auditor, AuditQuery query, java.io.Writer out) throws java.io.IOException {
		trail.record(AuditEntry.of(auditor, AuditAction.EXPORT, AuditOutcome.SUCCESS).about(query.residentId(), null)
			.on("AuditTrail", null).saying(describe(query)));
		out.write("id,occurred_at,username,role,account_id,resident_id,categories,resources,action,purpose,"
				+ "client_ip,user_agent,outcome,detail\r\n");
		long written = 0;
		Long after = null;
		while (true) {
			List<AuditRecord> page = find(new AuditQuery(query.programId(), query.residentId(), query.accountId(),
					query.username(), query.action(), query.from(), query.to(), after, AuditQuery.MAX_LIMIT, true));
			for (AuditRecord r : page) {
				out.write(Csv.row(r.id(), r.occurredAt(), r.username(), r.role(), r.accountId(), r.residentId(),
						String.join(" ", r.categories()),
						String.join(" ", r.resources().stream().map(AuditRecord.Resource::toString).toList()), r.action(), r.purpose(), r.clientIp(),
						r.userAgent(), r.outcome(), r.detail()));
				written++;
			}
			if (page.size() < AuditQuery.MAX_LIMIT) {
				return written;
			}
			after = page.get(page.size() - 1).id();
		}
	}

	private static String describe(AuditQuery q) {
		return "residentId=" + q.residentId() + " accountId=" + q.accountId() + " username=" + q.username() + " action="
				+ q.action() + " from="
				+ q.from() + " to=" + q.to();
	}

	@Transactional(readOnly = true)
	public List<AuditRecord> find(AuditQuery query) {
		// who acted (program, account, user name) is found through the few actor rows, the action through its code
		StringBuilder sql = new StringBuilder("""
				select id, occurred_at, account_id, username, role, resident_id, categories, resource_types, resource_ids,
				       action, purpose, client_ip, user_agent, outcome, detail
				  from audit_record where actor in (select a.id from audit_actor a where a.program_id = ?""");
		List<Object> params = new ArrayList<>();
		params.add(query.programId());
		if (query.accountId() != null) {
			sql.append(" and a.account_id = ?");
			params.add(query.accountId());
		}
		if (query.username() != null) {
			sql.append(" and a.username = ?");
			params.add(query.username());
		}
		sql.append(")");
		if (query.residentId() != null) {
			sql.append(" and resident_id = ?");
			params.add(query.residentId());
		}
		if (query.action() != null) {
			sql.append(" and what / 8 = array_position(audit_actions(), ?)");
			params.add(query.action().name());
			if (query.action() != AuditAction.READ) {
				// the predicate of the partial index on the actions other than READ (code 2), so even a
				// generic plan may use it
				sql.append(" and what / 8 <> 2");
			}
		}
		if (query.from() != null) {
			sql.append(" and occurred_at >= ?");
			params.add(Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			sql.append(" and occurred_at < ?");
			params.add(Timestamp.from(query.to()));
		}
		if (query.before() != null) {
			sql.append(query.oldestFirst() ? " and id > ?" : " and id < ?");
			params.add(query.before());
		}
		// ids follow commit order under the chain lock, so they order the trail as time does
		sql.append(query.oldestFirst() ? " order by id asc" : " order by id desc").append(" limit ?");
		params.add(query.limit());
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> map(rs)).list();
	}

	private static AuditRecord map(ResultSet rs) throws SQLException {
		return new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("account_id", UUID.class), rs.getString("username"), rs.getString("role"),
				rs.getObject("resident_id", UUID.class), texts(rs, "categories"), resources(rs), rs.getString("action"), rs.getString("purpose"), rs.getString("client_ip"),
				rs.getString("user_agent"), rs.getString("outcome"), rs.getString("detail"));
	}

	private static List<String> texts(ResultSet rs, String column) throws SQLException {
		java.sql.Array array = rs.getArray(column);
		if (array == null) {
			return List.of();
		}
		List<String> texts = new ArrayList<>();
		for (Object element : (Object[]) array.getArray()) {
			texts.add((String) element);
		}
		return java.util.Collections.unmodifiableList(texts);
	}

	private static List<AuditRecord.Resource> resources(ResultSet rs) throws SQLException {
		List<String> types = texts(rs, "resource_types");
		List<String> ids = texts(rs, "resource_ids");
		List<AuditRecord.Resource> resources = new ArrayList<>(types.size());
		for (int i = 0; i < types.size(); i++) {
			resources.add(new AuditRecord.Resource(types.get(i), i < ids.size() ? ids.get(i) : null));
		}
		return List.copyOf(resources);
	}
}
