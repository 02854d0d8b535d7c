package org.milieu.platform;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;

/** Spring Boot's JDBC transaction manager, wrapped by {@link Transactions}; Boot's own then stands back. */
@Configuration(proxyBeanMethods = false)
class TransactionConfiguration {

	@Bean
	Transactions transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers,
			@Value("${milieu.db.statement-timeout.long-work:10m}") Duration longWorkTimeout) {
		JdbcTransactionManager jdbc = new JdbcTransactionManager(dataSource);
		customizers.ifAvailable(c -> c.customize(jdbc));
		return new Transactions(jdbc, dataSource, longWorkTimeout);
	}
}
