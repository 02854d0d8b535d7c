package org.milieu.platform.database;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test instrument: wraps the application's data source (keeping its bean name, like
 * {@link OneConnectionPerThread}) so that a test can count the SQL statements one request sends
 * from its thread. A prepared statement counts once however many rows its batch carries; a plain
 * statement counts once per execution. Used to show that a list page sends as many statements for
 * a hundred residents as for ten (no query per resident).
 */
public class StatementCount implements BeanPostProcessor {

	private static final ThreadLocal<List<String>> recording = new ThreadLocal<>();

	/** The statements sent from this thread while {@code work} ran, in order, with the work's result. */
	public static <T> Recorded<T> during(Callable<T> work) throws Exception {
		List<String> previous = recording.get();
		List<String> statements = new ArrayList<>();
		recording.set(statements);
		try {
			T result = work.call();
			return new Recorded<>(result, List.copyOf(statements));
		}
		finally {
			recording.set(previous);
		}
	}

	/** What a piece of work returned and the statements it sent. */
	public record Recorded<T>(T result, List<String> statements) {

		public int count() {
			return statements.size();
		}

		/** Each distinct statement with how many times it was sent, for a readable failure message. */
		public Map<String, Integer> tally() {
			Map<String, Integer> tally = new LinkedHashMap<>();
			statements.forEach(s -> tally.merge(s.replaceAll("\\s+", " ").strip(), 1, Integer::sum));
			return tally;
		}
	}

	private static void sent(String sql) {
		List<String> statements = recording.get();
		if (statements != null) {
			statements.add(sql == null ? "(batch)" : sql);
		}
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
			return new Counted(dataSource);
		}
		return bean;
	}

	static final class Counted extends DelegatingDataSource {

		Counted(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return counted(super.getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return counted(super.getConnection(username, password));
		}

		private static Connection counted(Connection connection) {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						String name = method.getName();
						if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
								&& args[0] instanceof String sql) {
							sent(sql);
						}
						Object answer = invoke(connection, method, args);
						if (name.equals("createStatement") && answer instanceof Statement statement) {
							return plain(statement);
						}
						return answer;
					});
		}

		private static Statement plain(Statement statement) {
			return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] { Statement.class },
					(proxy, method, args) -> {
						if (method.getName().startsWith("execute")) {
							sent(args != null && args.length > 0 && args[0] instanceof String sql ? sql : null);
						}
						return invoke(statement, method, args);
					});
		}

		private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
			try {
				return method.invoke(target, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		}
	}
}
