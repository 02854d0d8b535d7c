package org.milieu.platform.database;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * With an external database, migrations run as {@code MILIEU_DB_MIGRATION_USER} when it is set,
 * so the application's own role ({@code MILIEU_DB_USER}) need not own the schema.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MigrationOwnerConfiguration.ExternalMode.class)
class MigrationOwnerConfiguration {

	@Bean
	FlywayConfigurationCustomizer migrateAsConfiguredOwner(Environment environment,
			@Value("${milieu.db.migration-user:}") String user, @Value("${milieu.db.migration-password:}") String password) {
		return flyway -> {
			if (StringUtils.hasText(user)) {
				flyway.dataSource(environment.getProperty("spring.datasource.url"), user, password);
			}
		};
	}

	static class ExternalMode extends EmbeddedDatabaseConfiguration.EmbeddedMode {

		@Override
		public boolean matches(org.springframework.context.annotation.ConditionContext context,
				org.springframework.core.type.AnnotatedTypeMetadata metadata) {
			return !super.matches(context, metadata);
		}
	}
}
