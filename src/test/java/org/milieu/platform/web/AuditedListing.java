package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Checks on the audit records a listing leaves: every record shown is named in the trail. */
public final class AuditedListing {

	private AuditedListing() {
	}

	/** Every item of the listing's answer is named, by its id, in a READ record of this person. */
	public static void assertEveryItemNamed(JdbcClient jdbc, String username, String body) {
		List<String> ids = JsonPath.read(body, "$.items[*].id");
		assertThat(ids).isNotEmpty();
		for (String id : ids) {
			assertThat(jdbc.sql("select count(*) from audit_event where username = ? and action = 'READ' and ? = any(resource_ids)")
				.params(username, id).query(Long.class).single()).as("item %s named in the trail", id).isEqualTo(1L);
		}
	}
}
