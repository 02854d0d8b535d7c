package org.milieu.platform.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test guard: wraps the application's data source so that a thread asking for a second pooled
 * connection while it still holds one fails at once and is remembered. With more such requests
 * than connections in the pool nobody could go on, so no code path may do it; every web test runs
 * with this guard.
 */
public class OneConnectionPerThread implements BeanPostProcessor {

	private static final ThreadLocal<AtomicInteger> held = ThreadLocal.withInitial(AtomicInteger::new);

	private static final List<String> violations = new CopyOnWriteArrayList<>();

	/** Every nested acquisition seen in this JVM so far: the thread and where it happened. */
	public static List<String> violations() {
		return List.copyOf(violations);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
			return new Guarded(dataSource);
		}
		return bean;
	}

	static final class Guarded extends DelegatingDataSource {

		Guarded(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return guard(() -> super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return guard(() -> super.getConnection(username, password));
		}

		private interface Acquire {
			Connection get() throws SQLException;
		}

		private static Connection guard(Acquire acquire) throws SQLException {
			AtomicInteger count = held.get();
			if (count.get() > 0) {
				IllegalStateException nested = new IllegalStateException(Thread.currentThread().getName()
						+ " asked for a second database connection while holding one");
				violations.add(nested.getMessage() + java.util.Arrays.stream(nested.getStackTrace())
					.map(frame -> "\n\tat " + frame).collect(java.util.stream.Collectors.joining()));
				throw nested;
			}
			Connection connection = acquire.get();
			count.incrementAndGet();
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close") && method.getParameterCount() == 0) {
							if (!connection.isClosed()) {
								count.decrementAndGet();
							}
						}
						try {
							return method.invoke(connection, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}
	}
}
