package org.milieu.signatures;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.milieu.shared.RuleViolation;
import org.springframework.stereotype.Component;

/** Every {@link SignableKind} the modules provide, by name. */
@Component
class SignableKinds {

	private final Map<String, SignableKind> byName;

	SignableKinds(List<SignableKind> kinds) {
		this.byName = kinds.stream().collect(Collectors.toUnmodifiableMap(SignableKind::kind, Function.identity()));
	}

	/** The kind of that name; an unknown one is the caller's mistake, named as field {@code kind}. */
	SignableKind named(String kind) {
		SignableKind found = kind == null ? null : byName.get(kind);
		if (found == null) {
			throw new RuleViolation("signature.kind.unknown", "kind", kind);
		}
		return found;
	}
}
