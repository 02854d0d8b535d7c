package org.milieu.identity;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.audit.AuditEntry;
import org.milieu.audit.AuditOutcome;
import org.milieu.audit.AuditTrail;
import org.milieu.audit.Purpose;
import org.milieu.shared.DataCategory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one access policy: may this person do this to this resident's data of this category, and
 * why (not)? It reads role, the houses they work in, their caseload and, for residents, whether
 * the record is their own. Family members see nothing until the consent module grants it.
 * Every module asks here; no controller decides on its own, and every answer is audited.
 */
@Component
public class AccessPolicy {

	private final CareRelationships care;

	private final AuditTrail trail;

	private final EmergencyAccess emergency;

	AccessPolicy(CareRelationships care, AuditTrail trail, EmergencyAccess emergency) {
		this.care = care;
		this.trail = trail;
		this.emergency = emergency;
	}

	/** The decision alone, with its reason; nothing is recorded. */
	@Transactional(readOnly = true)
	public AccessDecision decide(MilieuUser user, AccessAction action, DataCategory category, ResidentScope resident) {
		boolean categoryAllowed = false;
		for (Role role : user.roles()) {
			if (!CategoryRules.permits(role, action, category)) {
				continue;
			}
			categoryAllowed = true;
			String reach = reachReason(user, role, resident);
			if (reach != null) {
				return AccessDecision.allow(role + ": " + reach);
			}
		}
		if (!categoryAllowed) {
			return AccessDecision.deny("no role of " + user.getUsername() + " may " + action + " " + category);
		}
		if (action == AccessAction.READ && emergency.active(user.accountId(), resident.residentId())) {
			return AccessDecision.emergency("emergency access granted to " + user.getUsername());
		}
		return AccessDecision.deny("resident " + resident.residentId() + " is outside the care of " + user.getUsername());
	}

	/**
	 * Decides and records: an allowed action is written to the audit trail inside the caller's
	 * transaction, so the action and its record commit together; a refusal is recorded on its own
	 * (it survives the rollback) and thrown as {@link AccessDeniedException}.
	 */
	@Transactional
	public void enforce(MilieuUser user, AuditAction action, DataCategory category, ResidentScope resident,
			String resourceType, Object resourceId) {
		AccessDecision decision = decide(user, accessFor(action), category, resident);
		AuditEntry entry = AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS)
			.about(resident.residentId(), category).on(resourceType, resourceId)
			.because(decision.emergency() ? Purpose.EMERGENCY : Purpose.NORMAL);
		if (!decision.allowed()) {
			trail.recordIndependently(new AuditEntry(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED,
					resident.residentId(), category, resourceType, entry.resourceId(), entry.purpose(),
					action + " refused: " + decision.reason()));
			throw new AccessDeniedException(decision.reason());
		}
		trail.record(entry);
	}

	/**
	 * A resident taking part in a record about a resident, as the levels workflow lets them: their
	 * own self-assessment, or a peer's input to a housemate's review. The category rules give
	 * residents no write access to levels data, so this is its own, narrow rule: the caller must
	 * be a resident, and either the record is about themself, or the caller names why they are an
	 * eligible peer ({@code peerEligibility}, for example level 3 and the same house). Recorded like any other
	 * access; a refusal is recorded on its own and thrown.
	 */
	@Transactional
	public void enforceResidentContribution(MilieuUser user, AuditAction action, DataCategory category,
			ResidentScope about, String resourceType, Object resourceId, String peerEligibility) {
		String reason = null;
		if (!user.has(Role.RESIDENT) || user.residentId() == null) {
			reason = user.getUsername() + " is not a resident";
		}
		else if (!about.residentId().equals(user.residentId()) && peerEligibility == null) {
			reason = "resident " + about.residentId() + " is not " + user.getUsername() + ", who is no eligible peer";
		}
		if (reason != null) {
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(about.residentId(), category).on(resourceType, resourceId).saying(action + " refused: " + reason));
			throw new AccessDeniedException(reason);
		}
		AuditEntry entry = AuditEntry.of(user.actor(), action, AuditOutcome.SUCCESS).about(about.residentId(), category)
			.on(resourceType, resourceId);
		trail.record(about.residentId().equals(user.residentId()) ? entry : entry.saying("as peer: " + peerEligibility));
	}

	/**
	 * Lists of residents (the census, the level board) are for the staff roles: a resident or a
	 * family member asking for one is refused and the refusal recorded. Returns whom the list may show.
	 */
	@Transactional
	public Reach enforceListing(MilieuUser user, DataCategory category, String resourceType) {
		boolean staffRole = user.roles().stream().anyMatch(r -> (r == Role.ADMIN || r == Role.CLINICIAN || r == Role.STAFF)
				&& CategoryRules.permits(r, AccessAction.READ, category));
		if (!staffRole) {
			String reason = "lists of residents are for program staff, not for " + user.getUsername();
			trail.recordIndependently(AuditEntry.of(user.actor(), AuditAction.ACCESS_DENIED, AuditOutcome.DENIED)
				.about(null, category).on(resourceType, null).saying("READ refused: " + reason));
			throw new AccessDeniedException(reason);
		}
		return reach(user, AccessAction.READ, category);
	}

	/** Whom this person may see in a category, so lists can be filtered in the database. */
	@Transactional(readOnly = true)
	public Reach reach(MilieuUser user, AccessAction action, DataCategory category) {
		boolean everyone = false;
		Set<UUID> houses = new HashSet<>();
		Set<UUID> residents = new HashSet<>();
		for (Role role : user.roles()) {
			if (!CategoryRules.permits(role, action, category)) {
				continue;
			}
			switch (role) {
				case ADMIN -> everyone = true;
				case CLINICIAN -> {
					houses.addAll(care.houses(user.accountId()));
					residents.addAll(care.caseload(user.accountId()));
				}
				case STAFF -> houses.addAll(care.houses(user.accountId()));
				case RESIDENT -> {
					if (user.residentId() != null) {
						residents.add(user.residentId());
					}
				}
				case FAMILY -> {
					// nothing until the resident consents (family module)
				}
			}
		}
		boolean staffRead = action == AccessAction.READ && (user.has(Role.STAFF) || user.has(Role.CLINICIAN))
				&& user.roles().stream().anyMatch(r -> CategoryRules.permits(r, action, category));
		Set<UUID> grants = !everyone && staffRead ? emergency.activeResidents(user.accountId()) : Set.of();
		return everyone ? Reach.EVERYONE : new Reach(false, Set.copyOf(houses), Set.copyOf(residents), grants);
	}

	/**
	 * Records that a list showed these residents' data: one record per resident seen, with purpose
	 * EMERGENCY for those in reach only through an emergency grant.
	 */
	@Transactional
	public void recordListed(MilieuUser user, DataCategory category, String resourceType, Reach reach,
			Iterable<ResidentScope> shown) {
		recordListed(user, category, resourceType, reach, shown, r -> r, ResidentScope::residentId);
	}

	/**
	 * Records that a list showed these records: one audit record per resident seen (the trail merges
	 * a resident's records), naming each record shown by its id, with purpose EMERGENCY for residents
	 * in reach only through an emergency grant.
	 */
	@Transactional
	public <T> void recordListed(MilieuUser user, DataCategory category, String resourceType, Reach reach,
			Iterable<T> shown, java.util.function.Function<T, ResidentScope> residentOf,
			java.util.function.Function<T, ?> idOf) {
		java.util.List<AuditEntry> entries = new java.util.ArrayList<>();
		for (T item : shown) {
			ResidentScope resident = residentOf.apply(item);
			boolean emergencyOnly = reach.onlyInEmergency(resident.residentId(), resident.houseId());
			entries.add(AuditEntry.of(user.actor(), AuditAction.READ, AuditOutcome.SUCCESS)
				.about(resident.residentId(), category).on(resourceType, idOf.apply(item))
				.because(emergencyOnly ? Purpose.EMERGENCY : Purpose.NORMAL));
		}
		trail.recordAll(entries);
	}

	private String reachReason(MilieuUser user, Role role, ResidentScope resident) {
		return switch (role) {
			case ADMIN -> "program director";
			case CLINICIAN -> {
				if (resident.houseId() != null && care.houses(user.accountId()).contains(resident.houseId())) {
					yield "works in the resident's house";
				}
				yield care.onCaseload(user.accountId(), resident.residentId()) ? "resident on caseload" : null;
			}
			case STAFF -> resident.houseId() != null && care.houses(user.accountId()).contains(resident.houseId())
					? "works in the resident's house" : null;
			case RESIDENT -> resident.residentId().equals(user.residentId()) ? "own record" : null;
			case FAMILY -> null;
		};
	}

	static AccessAction accessFor(AuditAction action) {
		return switch (action) {
			case READ, QUERY -> AccessAction.READ;
			case EXPORT, PRINT, DISCLOSE -> AccessAction.EXPORT;
			default -> AccessAction.WRITE;
		};
	}
}
