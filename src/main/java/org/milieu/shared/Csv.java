package org.milieu.shared;

import java.util.Arrays;
import java.util.stream.Collectors;

/** RFC 4180 CSV lines; cells that a spreadsheet would run as a formula are defused with a quote. */
public final class Csv {

	private Csv() {
	}

	public static String row(Object... cells) {
		return Arrays.stream(cells).map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
