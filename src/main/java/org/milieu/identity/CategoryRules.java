package org.milieu.identity;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.milieu.shared.DataCategory;

/**
 * Minimum necessary: which categories of a resident's data each role may read and write, for
 * the residents in its reach. docs/security/access-matrix.md is this table in words, and a test
 * keeps the two equal.
 */
final class CategoryRules {

	private static final Map<Role, Set<DataCategory>> READ = new EnumMap<>(Role.class);

	private static final Map<Role, Set<DataCategory>> WRITE = new EnumMap<>(Role.class);

	private static final Map<Role, Set<DataCategory>> EXPORT = new EnumMap<>(Role.class);

	static {
		READ.put(Role.ADMIN, EnumSet.allOf(DataCategory.class));
		READ.put(Role.CLINICIAN, EnumSet.allOf(DataCategory.class));
		READ.put(Role.STAFF, EnumSet.of(DataCategory.DEMOGRAPHICS, DataCategory.WHEREABOUTS, DataCategory.DRUG_SCREENS,
				DataCategory.LEVELS_AND_RATINGS,
				DataCategory.WORK_AND_STIPENDS, DataCategory.GOVERNMENT, DataCategory.INCIDENTS, DataCategory.FAMILY));
		READ.put(Role.RESIDENT, EnumSet.of(DataCategory.DEMOGRAPHICS, DataCategory.WHEREABOUTS, DataCategory.DRUG_SCREENS,
				DataCategory.LEVELS_AND_RATINGS,
				DataCategory.WORK_AND_STIPENDS, DataCategory.GOVERNMENT, DataCategory.INCIDENTS, DataCategory.FAMILY));
		READ.put(Role.FAMILY, EnumSet.noneOf(DataCategory.class));

		WRITE.put(Role.ADMIN, EnumSet.allOf(DataCategory.class));
		WRITE.put(Role.CLINICIAN, EnumSet.of(DataCategory.DRUG_SCREENS, DataCategory.CLINICAL_NOTES,
				DataCategory.LEVELS_AND_RATINGS, DataCategory.GOVERNMENT,
				DataCategory.INCIDENTS, DataCategory.FAMILY));
		WRITE.put(Role.STAFF, EnumSet.of(DataCategory.WHEREABOUTS, DataCategory.DRUG_SCREENS,
				DataCategory.LEVELS_AND_RATINGS, DataCategory.WORK_AND_STIPENDS,
				DataCategory.GOVERNMENT, DataCategory.INCIDENTS));
		WRITE.put(Role.RESIDENT, EnumSet.of(DataCategory.GOVERNMENT));
		WRITE.put(Role.FAMILY, EnumSet.noneOf(DataCategory.class));

		EXPORT.put(Role.ADMIN, EnumSet.allOf(DataCategory.class));
		EXPORT.put(Role.CLINICIAN, EnumSet.allOf(DataCategory.class));
		EXPORT.put(Role.STAFF, EnumSet.noneOf(DataCategory.class));
		EXPORT.put(Role.RESIDENT, EnumSet.of(DataCategory.DEMOGRAPHICS, DataCategory.WHEREABOUTS,
				DataCategory.LEVELS_AND_RATINGS,
				DataCategory.WORK_AND_STIPENDS));
		EXPORT.put(Role.FAMILY, EnumSet.noneOf(DataCategory.class));
	}

	private CategoryRules() {
	}

	static boolean permits(Role role, AccessAction action, DataCategory category) {
		Map<Role, Set<DataCategory>> table = switch (action) {
			case READ -> READ;
			case WRITE -> WRITE;
			case EXPORT -> EXPORT;
		};
		return table.get(role).contains(category);
	}
}
