package org.milieu.residents;

import java.util.ArrayList;
import java.util.List;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the end of a stay closed, module by module, as the modules themselves recorded it
 * ({@link DischargeClosures}): for the discharged resident's record and the printed summary.
 * A module whose reaction has not yet run is shown as still closing, never as having closed nothing.
 */
@Service
public class DischargeClosings {

	private final List<DischargeClosures> parts;

	private final AccessPolicy policy;

	DischargeClosings(List<DischargeClosures> parts, AccessPolicy policy) {
		this.policy = policy;
		List<DischargeClosures> sorted = new ArrayList<>(parts);
		AnnotationAwareOrderComparator.sort(sorted);
		this.parts = List.copyOf(sorted);
	}

	/** Each module's part this person may see, in order; each read passes the access policy and is audited. */
	@Transactional
	public List<Part> of(MilieuUser user, ResidentScope resident, DischargeClosures.Stay stay) {
		List<Part> shown = new ArrayList<>();
		for (DischargeClosures part : parts) {
			// offered only where the policy allows it; the read itself is then recorded
			if (policy.decide(user, AccessAction.READ, part.category(), resident).allowed()) {
				policy.enforce(user, AuditAction.READ, part.category(), resident, "DischargeClosure", stay.stayId());
				shown.add(new Part(part.titleKey(), part.closed(user, resident, stay).orElse(null)));
			}
		}
		return shown;
	}

	/** What goes on the printed discharge summary: the printed lines of the parts closed. */
	@Transactional
	public List<DischargeClosures.Line> printed(MilieuUser user, ResidentScope resident, DischargeClosures.Stay stay) {
		return of(user, resident, stay).stream().filter(p -> !p.pending())
			.flatMap(p -> p.closed().lines().stream()).filter(DischargeClosures.Line::printed).toList();
	}

	/** One module's part: {@code closed} is null while the module is still closing. */
	public record Part(String titleKey, DischargeClosures.Closed closed) {

		public boolean pending() {
			return closed == null;
		}
	}
}
