package org.milieu.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.milieu.shared.DataCategory;

/** docs/security/access-matrix.md says exactly what the access policy enforces. */
class AccessMatrixDocumentTests {

	@Test
	void theDocumentedMatrixIsTheEnforcedOne() throws Exception {
		String doc = Files.readString(Path.of("docs/security/access-matrix.md"));
		String start = "<!-- matrix:start -->\n";
		String end = "<!-- matrix:end -->";
		assertThat(doc).contains(start, end);
		String documented = doc.substring(doc.indexOf(start) + start.length(), doc.indexOf(end));
		assertThat(documented).isEqualTo(matrix());
	}

	@Test
	void familyMembersSeeNothingWithoutConsent() {
		for (DataCategory category : DataCategory.values()) {
			for (AccessAction action : AccessAction.values()) {
				assertThat(CategoryRules.permits(Role.FAMILY, action, category)).isFalse();
			}
		}
	}

	@Test
	void staffNeverSeeClinicalNotes() {
		assertThat(CategoryRules.permits(Role.STAFF, AccessAction.READ, DataCategory.CLINICAL_NOTES)).isFalse();
		assertThat(CategoryRules.permits(Role.CLINICIAN, AccessAction.READ, DataCategory.CLINICAL_NOTES)).isTrue();
	}

	/** The table as markdown, generated from the rules. */
	static String matrix() {
		StringBuilder out = new StringBuilder("| data category |");
		for (Role role : Role.values()) {
			out.append(' ').append(role).append(" |");
		}
		out.append("\n| --- |");
		for (int i = 0; i < Role.values().length; i++) {
			out.append(" --- |");
		}
		out.append('\n');
		for (DataCategory category : DataCategory.values()) {
			out.append("| ").append(category).append(" |");
			for (Role role : Role.values()) {
				List<String> may = new ArrayList<>();
				for (AccessAction action : AccessAction.values()) {
					if (CategoryRules.permits(role, action, category)) {
						may.add(action.name().toLowerCase(Locale.ROOT));
					}
				}
				out.append(' ').append(may.isEmpty() ? "-" : String.join(", ", may)).append(" |");
			}
			out.append('\n');
		}
		return out.toString();
	}
}
