package org.milieu.sessions;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How "the same or nearly the same" is measured between two pieces of free text (two residents'
 * observations, or an observation and the note's shared part). Both are first normalised: lower
 * case, accents dropped, everything but letters and digits taken as a word break. Two texts are
 * copies when either
 * <ul>
 * <li>their word-trigram Jaccard similarity (shared three-word sequences over all distinct three-word
 * sequences of both; single words for texts under three words) is at least {@value #THRESHOLD}, or</li>
 * <li>they share a run of at least {@value #LONG_RUN} consecutive words (a sentence pasted into an
 * otherwise new text).</li>
 * </ul>
 * Swapping a name or a word or two in a copied observation keeps well above the threshold; two
 * observations written for two residents, even about the same exercise, stay far below it (the
 * examples are in {@code CopiedTextTests}).
 */
final class CopiedText {

	/** The word-trigram Jaccard similarity at and above which two texts count as nearly the same. */
	static final double THRESHOLD = 0.5;

	/** The number of consecutive words two texts may not share. */
	static final int LONG_RUN = 8;

	private CopiedText() {
	}

	/** Whether {@code a} and {@code b} are the same or nearly the same text, as measured above. */
	static boolean copied(String a, String b) {
		List<String> x = words(a);
		List<String> y = words(b);
		if (x.isEmpty() || y.isEmpty()) {
			return false;
		}
		return similarity(x, y) >= THRESHOLD || longestSharedRun(x, y) >= LONG_RUN;
	}

	/** The word-trigram Jaccard similarity of two texts, from 0 (nothing shared) to 1 (the same words in the same order). */
	static double similarity(String a, String b) {
		return similarity(words(a), words(b));
	}

	/** The longest run of consecutive words the two texts share. */
	static int longestSharedRun(String a, String b) {
		return longestSharedRun(words(a), words(b));
	}

	static List<String> words(String text) {
		if (text == null) {
			return List.of();
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
		return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
	}

	private static double similarity(List<String> x, List<String> y) {
		int n = Math.min(3, Math.min(x.size(), y.size()));
		if (n == 0) {
			return 0;
		}
		Set<String> a = shingles(x, n);
		Set<String> b = shingles(y, n);
		Set<String> union = new HashSet<>(a);
		union.addAll(b);
		a.retainAll(b);
		return (double) a.size() / union.size();
	}

	private static Set<String> shingles(List<String> words, int n) {
		Set<String> out = new HashSet<>();
		for (int i = 0; i + n <= words.size(); i++) {
			out.add(String.join(" ", words.subList(i, i + n)));
		}
		return out;
	}

	private static int longestSharedRun(List<String> x, List<String> y) {
		int best = 0;
		int[] previous = new int[y.size() + 1];
		for (int i = 1; i <= x.size(); i++) {
			int[] current = new int[y.size() + 1];
			for (int j = 1; j <= y.size(); j++) {
				if (x.get(i - 1).equals(y.get(j - 1))) {
					current[j] = previous[j - 1] + 1;
					best = Math.max(best, current[j]);
				}
			}
			previous = current;
		}
		return best;
	}
}
