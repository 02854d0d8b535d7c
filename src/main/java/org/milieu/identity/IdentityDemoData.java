package org.milieu.identity;

import java.util.Set;

import org.milieu.platform.DemoCommunity;
import org.milieu.platform.DemoContributor;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The demo community's staff and family sign-ins (residents' accounts come with the residents). */
@Component
@Order(100)
class IdentityDemoData implements DemoContributor {

	private final Accounts accounts;

	IdentityDemoData(Accounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public void contribute(DemoCommunity community) {
		open(community, "director", "Dana Whitfield", Role.ADMIN);
		open(community, "clinician", "Marcus Oyelaran", Role.CLINICIAN);
		open(community, "clinician2", "Priya Raman", Role.CLINICIAN);
		open(community, "staff", "Luis Ferreira", Role.STAFF);
		open(community, "staff2", "Joan McAllister", Role.STAFF);
		open(community, "nurse", "Theresa Nakamura", Role.STAFF);
		open(community, "family", "Ellen Brooks", Role.FAMILY);
		open(community, "family2", "Rafael Ortega", Role.FAMILY);
	}

	private void open(DemoCommunity community, String username, String name, Role role) {
		accounts.open(new NewAccount(community.program().id(), username, name, DemoCommunity.PASSWORD, Set.of(role), null));
	}
}
