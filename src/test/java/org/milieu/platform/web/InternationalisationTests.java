package org.milieu.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.milieu.identity.Role;
import org.milieu.levels.Level;
import org.milieu.residents.DischargeType;
import org.milieu.residents.HouseKind;
import org.milieu.residents.HouseType;

/**
 * Every word a person reads comes from the message bundles, and both languages have every key:
 * hard-coded text in a template, or a key missing in English or Spanish, fails the build.
 */
class InternationalisationTests {

	private static final Path TEMPLATES = Path.of("src/main/resources/templates");

	private static final Set<String> TEXT_ATTRIBUTES = Set.of("alt", "title", "placeholder", "aria-label", "label");

	private static final Set<String> CONTENT_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");

	private static final Pattern STATIC_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	private static final Pattern JAVA_KEY = Pattern
		.compile("\"((?:problem|house|admission|level|error|home|census|nav|login|account|password|invitation|users|audit|mfa|token|emergency|passkey|discharge|me|staffing|screening|pass|move|occupancy|discharged|profile|rounds|rating|criterion|scheme|fact|review|adjustment|evidence|privilege|meeting|agenda|motion|ballot|officer|action|follow-up|minutes|job|roster|swap|stipend|payout|incentive|completion|report)\\.[A-Za-z0-9_.\\-]*[A-Za-z0-9])\"");

	@Test
	void templatesHoldNoHardCodedText() throws IOException {
		List<String> offences = new ArrayList<>();
		for (Path template : templates()) {
			Document doc = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
			for (Element element : doc.getAllElements()) {
				boolean replaced = CONTENT_REPLACING.stream().anyMatch(element::hasAttr);
				if (!replaced && hasWords(element.ownText())) {
					offences.add(template.getFileName() + ": <" + element.tagName() + "> \"" + element.ownText().trim() + "\"");
				}
				for (String attribute : TEXT_ATTRIBUTES) {
					if (element.hasAttr(attribute) && hasWords(element.attr(attribute))) {
						offences.add(template.getFileName() + ": " + attribute + "=\"" + element.attr(attribute) + "\"");
					}
				}
			}
		}
		assertThat(offences).as("text that does not come from messages.properties").isEmpty();
	}

	@Test
	void bothLanguagesHaveExactlyTheSameKeysAndNoEmptyText() throws IOException {
		Properties english = bundle("messages.properties");
		Properties spanish = bundle("messages_es.properties");
		assertThat(spanish.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		english.forEach((k, v) -> assertThat(v.toString()).as("English " + k).isNotBlank());
		spanish.forEach((k, v) -> assertThat(v.toString()).as("Spanish " + k).isNotBlank());
	}

	@Test
	void everyKeyTheCodeUsesExists() throws IOException {
		Properties english = bundle("messages.properties");
		Set<String> used = new TreeSet<>();
		for (Path template : templates()) {
			Matcher m = STATIC_KEY.matcher(Files.readString(template));
			while (m.find()) {
				used.add(m.group(1));
			}
		}
		try (Stream<Path> java = Files.walk(Path.of("src/main/java"))) {
			for (Path source : java.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher m = JAVA_KEY.matcher(Files.readString(source));
				while (m.find()) {
					used.add(m.group(1));
				}
			}
		}
		for (Role role : Role.values()) {
			used.add("role." + role);
		}
		for (HouseKind kind : HouseKind.values()) {
			used.add("house.kind." + kind);
		}
		for (HouseType type : HouseType.values()) {
			used.add("house.type." + type);
		}
		for (DischargeType type : DischargeType.values()) {
			used.add("discharge.type." + type);
		}
		for (Level level : Level.values()) {
			used.add(level.nameKey());
		}
		for (org.milieu.levels.rounds.Frequency frequency : org.milieu.levels.rounds.Frequency.values()) {
			used.add(frequency.nameKey());
		}
		for (org.milieu.screening.Specimen specimen : org.milieu.screening.Specimen.values()) {
			used.add(specimen.nameKey());
		}
		for (org.milieu.screening.Panel panel : org.milieu.screening.Panel.values()) {
			used.add(panel.nameKey());
		}
		for (org.milieu.screening.Substance substance : org.milieu.screening.Substance.values()) {
			used.add(substance.nameKey());
		}
		for (org.milieu.screening.SubstanceResult.Result result : org.milieu.screening.SubstanceResult.Result.values()) {
			used.add(result.nameKey());
		}
		for (org.milieu.screening.Outcome outcome : org.milieu.screening.Outcome.values()) {
			used.add(outcome.nameKey());
		}
		for (org.milieu.levels.RatingDomain domain : org.milieu.levels.RatingDomain.values()) {
			used.add(domain.nameKey());
			for (int value = domain.lowest(); value <= domain.highest(); value++) {
				used.add(domain.valueKey(value));
			}
		}
		for (org.milieu.levels.ShiftKind shift : org.milieu.levels.ShiftKind.values()) {
			used.add(shift.nameKey());
		}
		for (org.milieu.levels.privileges.DefaultPrivilege privilege : org.milieu.levels.privileges.DefaultPrivilege.values()) {
			used.add(privilege.nameKey());
			used.add(privilege.descriptionKey());
		}
		for (org.milieu.levels.privileges.AdjustmentKind kind : org.milieu.levels.privileges.AdjustmentKind.values()) {
			used.add(kind.nameKey());
		}
		for (org.milieu.levels.privileges.PrivilegeAdjustment.Status status : org.milieu.levels.privileges.PrivilegeAdjustment.Status
			.values()) {
			used.add(status.nameKey());
		}
		used.add("privilege.answer.restrictedOpen");
		used.add("privilege.answer.grantedOpen");
		for (int status : new int[] { 400, 401, 403, 404, 412, 413, 422, 428, 500 }) {
			used.add("problem.title." + status);
		}
		assertThat(used).hasSizeGreaterThan(50);
		assertThat(used).allSatisfy(key -> assertThat(english).as("message key " + key).containsKey(key));
	}

	@Test
	void theCheckCatchesHardCodedText() {
		Document doc = Jsoup.parse("<main><h1>Hello there</h1><p th:text=\"#{x}\">ok</p><img alt=\"A photo\"/></main>", "",
				Parser.xmlParser());
		long offending = doc.getAllElements().stream()
			.filter(e -> !e.hasAttr("th:text") && hasWords(e.ownText()) || hasWords(e.attr("alt")))
			.count();
		assertThat(offending).isEqualTo(2);
	}

	private static boolean hasWords(String text) {
		return text != null && text.codePoints().anyMatch(Character::isLetter);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(TEMPLATES)) {
			List<Path> list = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(list).hasSizeGreaterThan(5);
			return list;
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", name), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
