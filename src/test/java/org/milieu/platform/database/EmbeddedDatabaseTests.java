package org.milieu.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class EmbeddedDatabaseTests {

	@TempDir
	Path dataDir;

	@Test
	void whatIsWrittenSurvivesARestartOfThePersistentServer() throws Exception {
		try (EmbeddedDatabase first = EmbeddedDatabase.persistent(dataDir)) {
			JdbcClient jdbc = jdbc(first);
			jdbc.sql("create table kept (note text)").update();
			jdbc.sql("insert into kept values ('still here')").update();
		}
		assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
		try (EmbeddedDatabase second = EmbeddedDatabase.persistent(dataDir)) {
			assertThat(jdbc(second).sql("select note from kept").query(String.class).single()).isEqualTo("still here");
		}
	}

	@Test
	void theExternalDatabaseUrlSwitchesTheEmbeddedServerOff() {
		assertThat(EmbeddedDatabaseConfiguration.EmbeddedMode.isEmbedded(null)).isTrue();
		assertThat(EmbeddedDatabaseConfiguration.EmbeddedMode.isEmbedded("  ")).isTrue();
		assertThat(EmbeddedDatabaseConfiguration.EmbeddedMode.isEmbedded("jdbc:postgresql://db:5432/milieu")).isFalse();
	}

	private static JdbcClient jdbc(EmbeddedDatabase db) {
		return JdbcClient.create(new DriverManagerDataSource(db.jdbcUrl(), db.username(), ""));
	}
}
