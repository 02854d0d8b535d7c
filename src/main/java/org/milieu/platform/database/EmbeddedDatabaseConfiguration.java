package org.milieu.platform.database;

import java.nio.file.Path;


import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Without an external database ({@code MILIEU_DB_URL} unset) Milieu runs its own embedded
 * PostgreSQL: durable under {@code milieu.data-dir} for the default run, throw-away for the tests.
 * With {@code MILIEU_DB_URL} set this configuration does nothing and Spring Boot's data source
 * connects to the external server.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.EmbeddedMode.class)
class EmbeddedDatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabase embeddedDatabase(@Value("${milieu.data-dir}") Path dataDir,
			@Value("${milieu.embedded.ephemeral:false}") boolean ephemeral) {
		return ephemeral ? EmbeddedDatabase.ephemeral() : EmbeddedDatabase.persistent(dataDir);
	}

	@Bean
	@ConfigurationProperties("spring.datasource.hikari")
	HikariDataSource dataSource(EmbeddedDatabase database) {
		return DataSourceBuilder.create()
			.type(HikariDataSource.class)
			.url(database.jdbcUrl())
			.username(database.applicationRole())
			.build();
	}

	/** Migrations run as the database owner; the application itself runs as the narrower role. */
	@Bean
	FlywayConfigurationCustomizer migrateAsOwner(EmbeddedDatabase database) {
		return flyway -> flyway.dataSource(database.jdbcUrl(), database.username(), "")
			.placeholders(java.util.Map.of("appRole", database.applicationRole()));
	}

	/** True when no external database URL is configured. */
	static class EmbeddedMode implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return isEmbedded(context.getEnvironment().getProperty("spring.datasource.url"));
		}

		static boolean isEmbedded(String url) {
			return !StringUtils.hasText(url);
		}
	}

}
