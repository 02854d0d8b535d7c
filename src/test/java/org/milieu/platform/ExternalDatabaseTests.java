package org.milieu.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milieu.platform.database.EmbeddedDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production mode: with a database URL configured (MILIEU_DB_URL), Milieu starts no embedded
 * server, migrates the external database and seeds no demo people into it. The "external"
 * server here is a separate database on the tests' PostgreSQL.
 */
@SpringBootTest(properties = "milieu.embedded.ephemeral=false")
class ExternalDatabaseTests {

	@DynamicPropertySource
	static void externalDatabase(DynamicPropertyRegistry registry) {
		EmbeddedDatabase server = EmbeddedDatabase.ephemeral();
		String url = server.freshDatabase("milieu_external");
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", server::username);
		registry.add("spring.datasource.password", () -> "");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Test
	void noEmbeddedServerAndNoDemoDataButAMigratedSchema() {
		assertThat(context.getBeanNamesForType(EmbeddedDatabase.class)).isEmpty();
		assertThat(jdbc.sql("select current_database()").query(String.class).single()).isEqualTo("milieu_external");
		assertThat(jdbc.sql("select count(*) from platform_program").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from identity_account").query(Integer.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
			.isGreaterThanOrEqualTo(7);
	}
}
