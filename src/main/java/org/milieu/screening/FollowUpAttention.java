package org.milieu.screening;

import java.util.List;

import org.milieu.identity.MilieuUser;
import org.milieu.platform.Attention;
import org.milieu.platform.AttentionSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Tells a clinician on their home page how many drug-screen follow-ups wait for them. The item is
 * a count of their own items and names no resident, so it reads no resident's data.
 */
@Component
class FollowUpAttention implements AttentionSource {

	static final String LINK = "/drug-screens/follow-ups";

	private final ScreenFollowUps followUps;

	FollowUpAttention(ScreenFollowUps followUps) {
		this.followUps = followUps;
	}

	@Override
	public List<Attention> attentionFor(Authentication who) {
		if (who == null || !(who.getPrincipal() instanceof MilieuUser user)) {
			return List.of();
		}
		return followUps.countOpen(user.programId(), user.accountId())
			.map(open -> List.of(new Attention(Attention.Severity.NOTICE, "screening.attention.open",
					List.of(open.count()), LINK, open.since())))
			.orElse(List.of());
	}
}
