package org.milieu.residents.passes;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The home page's word on passes, for staff roles: one urgent item per resident overdue from a
 * pass, and a note of how many are out. Naming residents reads their whereabouts, so the list
 * comes from {@link Passes#out(MilieuUser)}, which applies the access policy and audits it.
 */
@Component
class PassAttention implements AttentionSource {

	static final String OVERDUE = "pass.attention.overdue";

	static final String OUT = "pass.attention.out";

	static final String LINK = "/passes";

	private final Passes passes;

	private final Clock clock;

	PassAttention(Passes passes, Clock clock) {
		this.passes = passes;
		this.clock = clock;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)
				|| !(user.has(Role.ADMIN) || user.has(Role.CLINICIAN) || user.has(Role.STAFF))) {
			return List.of();
		}
		List<Pass> out = passes.out(user);
		if (out.isEmpty()) {
			return List.of();
		}
		Instant now = clock.instant();
		ZoneId zone = passes.zone(user.programId());
		List<Attention> items = new ArrayList<>();
		for (Pass pass : out) {
			if (pass.status(now) == PassStatus.OVERDUE) {
				items.add(new Attention(Attention.Severity.URGENT, OVERDUE,
						List.of(pass.residentName(), passes.clockTime(pass.expectedBackAt(), zone)), LINK, pass.expectedBackAt()));
			}
		}
		items.add(new Attention(Attention.Severity.NOTICE, OUT, List.of(out.size()), LINK, null));
		return items;
	}
}
