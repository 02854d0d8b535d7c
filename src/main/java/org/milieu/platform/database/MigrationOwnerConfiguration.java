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
 * so the application's own role ({@code MILIEU_DB_USER}) need not own the schema. Either way they
 * run on a connection of their own, not a pooled one: a migration may rewrite a large table and
 * must not be cut off by the statement limit every pooled connection carries.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(MigrationOwnerConfiguration.ExternalMode.class)
class MigrationOwnerConfiguration {

	@Bean
	FlywayConfigurationCustomizer migrateAsConfiguredOwner(Environment environment,
			@Value("${milieu.db.migration-user:}") String user, @Value("${milieu.db.migration-password:}") String password) {
		return flyway -> {
			String url = environment.getProperty("spring.datasource.url");
			if (StringUtils.hasText(user)) {
				flyway.dataSource(url, user, password);
			}
			else {
				flyway.dataSource(url, environment.getProperty("spring.datasource.username"),
						environment.getProperty("spring.datasource.password"));
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
