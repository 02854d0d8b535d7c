package org.milieu.levels.reviews;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.milieu.audit.AuditAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.levels.ResidentLevels;
import org.milieu.levels.facts.CriterionLink;
import org.milieu.levels.scheme.Criterion;
import org.milieu.levels.scheme.CriterionKind;
import org.milieu.levels.scheme.LevelScheme;
import org.milieu.levels.scheme.LevelSchemes;
import org.milieu.residents.Census;
import org.milieu.residents.CensusEntry;
import org.milieu.shared.DataCategory;
import org.milieu.shared.ProgramId;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The criteria still ahead of one resident: those of every level above their own (all of levels 2
 * to 4 while they have none), under the scheme in force today, each as their active adjustment
 * makes it. Another module links its records to one of them (a treatment plan's objective), and
 * checks a link here.
 */
@Service
public class ResidentCriteria {

	private final EvidenceReader reader;

	private final LevelSchemes schemes;

	private final ResidentLevels levels;

	private final Census census;

	private final AccessPolicy policy;

	ResidentCriteria(EvidenceReader reader, LevelSchemes schemes, ResidentLevels levels, Census census,
			AccessPolicy policy) {
		this.reader = reader;
		this.schemes = schemes;
		this.levels = levels;
		this.census = census;
		this.policy = policy;
	}

	/**
	 * The resident's criteria ahead, level by level in the scheme's order; the read passes the access
	 * policy (levels). None for a resident no longer in the program's census.
	 */
	@Transactional
	public List<CriterionChoice> ahead(MilieuUser reader, UUID residentId) {
		CensusEntry resident = census.find(reader.programId(), residentId).orElse(null);
		if (resident == null) {
			return List.of(); // discharged: no level lies ahead, and nothing of theirs is read
		}
		policy.enforce(reader, AuditAction.READ, DataCategory.LEVELS_AND_RATINGS,
				new ResidentScope(residentId, resident.houseId()), "CriterionAdjustment", residentId);
		return choices(reader.programId(), residentId);
	}

	/**
	 * The criterion a link names, if it is one of the resident's criteria ahead today; no access
	 * check: for a module that has checked the writer of the link.
	 */
	@Transactional(readOnly = true)
	public Optional<CriterionChoice> find(ProgramId program, UUID residentId, CriterionLink link) {
		if (link == null) {
			return Optional.empty();
		}
		return choices(program, residentId).stream().filter(c -> c.level() == link.level() && c.key().equals(link.key()))
			.findFirst();
	}

	private List<CriterionChoice> choices(ProgramId program, UUID residentId) {
		int own = levels.currentOf(program, residentId).map(l -> l.level().number()).orElse(1);
		LevelScheme scheme = schemes.today(program);
		Map<String, Adjustment> adjusted = reader.adjustments(program, List.of(residentId)).getOrDefault(residentId,
				Map.of());
		List<CriterionChoice> result = new ArrayList<>();
		for (int level = own + 1; level <= 4; level++) {
			for (Criterion criterion : scheme.criteriaFor(level)) {
				Adjustment adjustment = adjusted.get(level + "/" + criterion.key());
				Criterion applied = adjustment != null && adjustment.kind() == Adjustment.Kind.ADAPT
						? criterion.adapted(adjustment.windowDays(), adjustment.threshold()) : criterion;
				result.add(new CriterionChoice(level, criterion.key(), adjustment == null ? null : adjustment.kind(),
						sentence(applied.kind(), applied.windowDays(), applied.threshold(),
								applied.domain() == null ? null : applied.domain().name(), applied.atLeast())));
			}
		}
		return result;
	}

	/**
	 * What a criterion asks, as a sentence to resolve in the reader's language: hygiene rated fair or
	 * better on at least 80 % of shifts, for example. The one wording of a criterion, on every page.
	 */
	public static MessageSourceResolvable sentence(CriterionKind kind, Integer window, double threshold, String domain,
			Integer atLeast) {
		Object domainName = domain == null ? ""
				: new DefaultMessageSourceResolvable(new String[] { "rating.domain." + domain }, domain);
		Object atLeastLabel = atLeast == null || domain == null ? ""
				: new DefaultMessageSourceResolvable(new String[] { "rating.value.scale." + atLeast }, String.valueOf(atLeast));
		return new DefaultMessageSourceResolvable(new String[] { kind.sentenceKey() },
				new Object[] { window == null ? "" : window, number(threshold), domainName, atLeastLabel });
	}

	/** A threshold or a value as the pages write it: at most two decimals, no grouping. */
	public static String number(double value) {
		return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
	}
}
