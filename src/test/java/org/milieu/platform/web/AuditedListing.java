package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks on the audit records a listing leaves: every record shown is named in the trail. */
public final class AuditedListing {

	private AuditedListing() {
	}

	/** The newest audit record's id: pass it to {@link #assertEveryItemNamed} to look only at what came after. */
	public static long mark(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();
	}

	/** Every item of the listing's answer is named, by its id, in one READ record of this person written after {@code mark}. */
	public static void assertEveryItemNamed(JdbcClient jdbc, String username, String body, long mark) {
		List<String> ids = JsonPath.read(body, "$.items[*].id");
		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			assertThat(jdbc.sql("select count(*) from audit_record where id > ? and username = ? and action = 'READ' and ? = any(resource_ids)")
				.params(mark, username, id).query(Long.class).single()).as("item %s named in the trail", id).isEqualTo(1L);
		}
	}
}
