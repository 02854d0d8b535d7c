package org.milieu.identity.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.milieu.MilieuWebTest;
import org.milieu.identity.DemoSignIns;
import org.milieu.identity.MilieuUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;

/** Who reads a page, as the resident-name fragment links names for them, worked out from the demo's accounts. */
@MilieuWebTest
class RecordReaderWebTests {

	@Autowired
	DemoSignIns signIns;

	private final RecordReader reader = new RecordReader();

	@Test
	void staffOpenEveryResidentsRecordFromTheirName() {
		assertThat(reader.recordReader(signedIn("staff"))).isEqualTo(new RecordReader.Reader(true, null));
		assertThat(reader.recordReader(signedIn("clinician"))).isEqualTo(new RecordReader.Reader(true, null));
		assertThat(reader.recordReader(signedIn("director"))).isEqualTo(new RecordReader.Reader(true, null));
	}

	@Test
	void aResidentOpensOnlyTheirOwnStayFromTheirName() {
		MilieuUser resident = signIns.user("resident01");
		assertThat(reader.recordReader(signedIn("resident01")))
			.isEqualTo(new RecordReader.Reader(false, resident.residentId().toString()));
	}

	@Test
	void familyAndStrangersSeeNamesAlone() {
		assertThat(reader.recordReader(signedIn("family"))).isEqualTo(new RecordReader.Reader(false, null));
		assertThat(reader.recordReader(null)).isEqualTo(new RecordReader.Reader(false, null));
		assertThat(reader.recordReader(new AnonymousAuthenticationToken("key", "anonymousUser",
				AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))).isEqualTo(new RecordReader.Reader(false, null));
	}

	private Authentication signedIn(String username) {
		MilieuUser user = signIns.user(username);
		return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
	}
}
