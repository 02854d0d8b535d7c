package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.milieu.shared.VersionConflict;

class ETagsTests {

	@Test
	void aVersionIsItsOwnStrongTag() {
		assertThat(ETags.of(7)).isEqualTo("\"7\"");
		assertThat(ETags.requireVersion("\"7\"", "House")).isEqualTo(7);
	}

	@Test
	void aMissingTagIsAPreconditionRequired() {
		assertThatThrownBy(() -> ETags.requireVersion(null, "House")).isInstanceOf(PreconditionRequired.class);
		assertThatThrownBy(() -> ETags.requireVersion(" ", "House")).isInstanceOf(PreconditionRequired.class);
	}

	@Test
	void aTagThisApiNeverIssuedCanNeverMatch() {
		assertThatThrownBy(() -> ETags.requireVersion("W/\"7\"", "House")).isInstanceOf(VersionConflict.class);
		assertThatThrownBy(() -> ETags.requireVersion("\"seven\"", "House")).isInstanceOf(VersionConflict.class);
		assertThatThrownBy(() -> ETags.requireVersion("*", "House")).isInstanceOf(VersionConflict.class);
	}
}
