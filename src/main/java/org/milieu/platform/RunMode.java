package org.milieu.platform;

import org.milieu.platform.database.EmbeddedDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether Milieu runs on its embedded database (trying it out, development, tests) or on an
 * external one (production); some defaults differ, e.g. whether staff must use a second factor.
 */
@Component
public class RunMode {

	private final boolean embedded;

	RunMode(ObjectProvider<EmbeddedDatabase> embedded) {
		this.embedded = embedded.getIfAvailable() != null;
	}

	public boolean embedded() {
		return embedded;
	}
}
