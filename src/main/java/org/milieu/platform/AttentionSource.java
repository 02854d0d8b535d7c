package org.milieu.platform;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * A module's contribution to the home page's "Needs attention" list. Each module answers for its
 * own data, for the signed-in person only, and through its own access rules: an item that names a
 * resident must pass the access policy (and be audited) like any other read.
 */
public interface AttentionSource {

	/** What this person should see now; empty when there is nothing, or nothing they may see. */
	List<Attention> attentionFor(Authentication who);
}
