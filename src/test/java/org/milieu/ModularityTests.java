package org.milieu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MilieuApplication.class);

	@Test
	void modulesRespectTheirDeclaredBoundaries() {
		modules.verify();
	}

	@Test
	void everyFeatureModuleIsDetected() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("shared", "platform", "identity", "residents", "levels");
	}

	@Test
	void writesModuleDocumentation() throws java.io.IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		sortRelationships(java.nio.file.Path.of("docs/modules"));
		assertThat(new java.io.File("docs/modules/components.puml")).exists();
		String connections = ModuleConnections.of(modules).markdown();
		java.nio.file.Path architecture = java.nio.file.Path.of("docs/ARCHITECTURE.md");
		String text = java.nio.file.Files.readString(architecture);
		int begin = text.indexOf(ModuleConnections.BEGIN);
		int end = text.indexOf(ModuleConnections.END);
		assertThat(begin).as("docs/ARCHITECTURE.md keeps the generated module connections between markers").isNotNegative();
		assertThat(end).isGreaterThan(begin);
		java.nio.file.Files.writeString(architecture,
				text.substring(0, begin + ModuleConnections.BEGIN.length()) + "\n" + connections + text.substring(end));
		assertThat(connections).contains("work --> levels").contains("residents.ProfileSection");
	}

	/**
	 * The documenter lists relationships in no fixed order; sorting them keeps the committed
	 * diagrams unchanged from one build to the next unless the modules really changed.
	 */
	private static void sortRelationships(java.nio.file.Path folder) throws java.io.IOException {
		try (var files = java.nio.file.Files.list(folder)) {
			for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
				java.util.List<String> lines = java.nio.file.Files.readAllLines(file);
				java.util.List<String> relations = lines.stream().filter(l -> l.startsWith("Rel(")).sorted().toList();
				java.util.Iterator<String> sorted = relations.iterator();
				java.util.List<String> out = lines.stream().map(l -> l.startsWith("Rel(") ? sorted.next() : l).toList();
				java.nio.file.Files.write(file, out);
			}
		}
		try (var files = java.nio.file.Files.list(folder)) {
			for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".adoc")).toList()) {
				java.nio.file.Files.write(file, sortBulletLists(java.nio.file.Files.readAllLines(file)));
			}
		}
	}

	/**
	 * A canvas lists each cell's entries ("|* first", then "* next", each perhaps followed by "+" and
	 * a paragraph of its own) in no fixed order either; each such list is sorted by entry, an entry's
	 * paragraphs staying with it and the first entry keeping the cell's bar.
	 */
	static java.util.List<String> sortBulletLists(java.util.List<String> lines) {
		java.util.List<String> out = new java.util.ArrayList<>();
		int i = 0;
		while (i < lines.size()) {
			if (!lines.get(i).startsWith("|* ")) {
				out.add(lines.get(i++));
				continue;
			}
			java.util.List<java.util.List<String>> entries = new java.util.ArrayList<>();
			entries.add(new java.util.ArrayList<>(java.util.List.of(lines.get(i++).substring(1))));
			while (i < lines.size() && !lines.get(i).isEmpty() && !lines.get(i).startsWith("|")
					&& !lines.get(i).startsWith("_")) {
				if (lines.get(i).startsWith("* ")) {
					entries.add(new java.util.ArrayList<>());
				}
				entries.get(entries.size() - 1).add(lines.get(i++));
			}
			entries.sort(java.util.Comparator.comparing(entry -> entry.get(0)));
			entries.get(0).set(0, "|" + entries.get(0).get(0));
			entries.forEach(out::addAll);
		}
		return out;
	}
}
