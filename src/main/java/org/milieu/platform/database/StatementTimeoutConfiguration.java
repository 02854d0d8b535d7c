package org.milieu.platform.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Every pooled connection, embedded or external, opens with PostgreSQL's {@code statement_timeout}
 * set to the limit for requests ({@code milieu.db.statement-timeout.request}, 5 s unless
 * configured): a statement that runs longer, slow or waiting on a lock, is cancelled by the server
 * (SQLState 57014), its transaction rolls back, the connection goes back to the pool healthy, and
 * the request answers 503 with Retry-After. It is a startup option of the connection, so it costs
 * no statement per request; long work raises it per transaction (see
 * {@link org.milieu.platform.Transactions#beginLongWork()}). Migrations run on a connection of
 * their own, without this limit.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeoutConfiguration {

	@Bean
	static BeanPostProcessor statementTimeoutOnEveryConnection(Environment environment) {
		Duration limit = Binder.get(environment).bind("milieu.db.statement-timeout.request", Duration.class)
			.orElse(Duration.ofSeconds(5));
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource pool) {
					withStatementTimeout(pool, limit);
				}
				return bean;
			}
		};
	}

	/** Adds the limit to the connection's startup options, keeping any options already configured. */
	static void withStatementTimeout(HikariDataSource pool, Duration limit) {
		String options = pool.getDataSourceProperties().getProperty("options", "");
		String timeout = "-c statement_timeout=" + limit.toMillis();
		pool.addDataSourceProperty("options", options.isBlank() ? timeout : options + " " + timeout);
	}
}
