package org.milieu.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.milieu.platform.database.EmbeddedDatabase;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Work held until a transaction's connection is back in the pool runs after that transaction has
 * ended, in a transaction of its own. Its failure reaches whoever ended the transaction, but never
 * as that transaction's own failure: Spring attaches the caller's exception to a
 * {@link TransactionSystemException} thrown by a rollback, and one that already carries the held
 * work's own cause cannot take it, which used to end in an IllegalStateException and a 500 when the
 * database went away during a request.
 */
class TransactionsTests {

	private final EmbeddedDatabase db = EmbeddedDatabase.ephemeral();

	private final DriverManagerDataSource dataSource = new DriverManagerDataSource(db.jdbcUrl(), db.username(), "");

	private final Transactions transactions = new Transactions(new JdbcTransactionManager(dataSource), dataSource);

	@Test
	void heldWorkRunsAfterTheTransactionEndsInTheOrderHandedOver() {
		List<String> ran = new ArrayList<>();
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			transactions.afterConnectionReleased(() -> ran.add("first"));
			transactions.afterConnectionReleased(() -> ran.add("second"));
			assertThat(ran).as("nothing runs while the connection is held").isEmpty();
		});
		assertThat(ran).containsExactly("first", "second");
	}

	@Test
	void aHeldTransactionsFailureAfterARollbackKeepsBothTheCallersExceptionAndItsOwnCause() {
		var callers = new IllegalArgumentException("the caller's own failure");
		var lost = new DataAccessResourceFailureException("terminating connection due to administrator command");
		var held = new TransactionSystemException("rollback of the held work's transaction failed", lost);
		held.initApplicationException(new IllegalStateException("the held work's own failure"));

		Throwable thrown = catchThrowable(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
			transactions.afterConnectionReleased(() -> {
				throw held;
			});
			throw callers;
		}));

		assertThat(thrown).isNotNull().isNotInstanceOf(TransactionSystemException.class);
		assertThat(thrown).as("the held work's failure, its cause chain intact").hasCauseReference(held);
		assertThat(held.getCause()).isSameAs(lost);
	}

	@Test
	void aHeldFailureAfterACommitReachesTheCommitter() {
		var failure = new DataAccessResourceFailureException("no connection for the held work");
		assertThatThrownBy(() -> new TransactionTemplate(transactions).executeWithoutResult(status ->
				transactions.afterConnectionReleased(() -> {
					throw failure;
				}))).isSameAs(failure);
	}
}
