package org.milieu.platform.web;

import java.util.List;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Fails a test whose calls over real HTTP drifted from the document ({@link HttpApiContractCheck}
 * keeps the drifts the server saw). Drifts left from before the test are not its own and are
 * dropped when it starts. Listed in {@code META-INF/spring.factories}, so every Spring test has it.
 */
public class HttpApiContractListener implements TestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		HttpApiContractCheck.drained();
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		List<String> drifts = HttpApiContractCheck.drained();
		if (!drifts.isEmpty()) {
			throw new AssertionError(String.join("\n", drifts));
		}
	}
}
