package org.milieu.levels.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What a view of a resident's level evidence leaves in the audit trail. */
@MilieuWebTest
class LevelPageAuditWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	DemoSignIns signIns;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLevelPageViewWritesOneAuditRecordNamingWhatItShowed() throws Exception {
		UUID resident = jdbc.sql("select resident_id from identity_account where username = 'resident03'")
			.query(UUID.class).single();
		long last = jdbc.sql("select coalesce(max(id), 0) from audit_record").query(Long.class).single();
		mvc.perform(get("/residents/" + resident + "/level").with(signIns.as("clinician"))).andExpect(status().isOk());
		record Written(String action, String categories, String resources) {
		}
		List<Written> written = jdbc.sql("""
				select action, array_to_string(categories, ','), array_to_string(resource_types, ',')
				  from audit_record where id > ? and username = 'clinician' and resident_id = ?""")
			.params(last, resident)
			.query((rs, n) -> new Written(rs.getString(1), rs.getString(2), rs.getString(3))).list();
		assertThat(written).as("one record for the view").hasSize(1);
		assertThat(written.get(0).action()).isEqualTo("READ");
		assertThat(written.get(0).categories().split(",")).contains("DEMOGRAPHICS", "LEVELS_AND_RATINGS");
		assertThat(written.get(0).resources().split(",")).contains("Resident", "LevelEvidence");
	}
}
