package org.milieu.residents;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.platform.Attention;

/**
 * What other modules add to each resident's line of the census: their level (from
 * {@code levels}) and flags such as an open drug-screen follow-up (from {@code screening}).
 * Implemented downstream, so the census shows them without depending on those modules. Each
 * implementation reads its own data through the access policy for its own category and audits
 * every resident it answers for; a person whose roles may not read that category gets nothing.
 */
public interface CensusResidentNotes {

	/**
	 * For each of {@code residents} (those the census shows this person) that this module has
	 * something to say about, the notes to show; residents without notes may be left out.
	 */
	Map<UUID, List<Note>> notesFor(MilieuUser user, Collection<ResidentScope> residents);

	/**
	 * One note on a resident's census line: in the Level column or among the flags. The text is a
	 * message key with its arguments, so it shows in the reader's language.
	 *
	 * @param kind the column it belongs in
	 * @param code the message key of the text
	 * @param args the message arguments
	 * @param severity how much it should stand out (urgent flags are marked)
	 * @param link the page where it is dealt with, relative to the application, or null
	 */
	record Note(Kind kind, String code, List<Object> args, Attention.Severity severity, String link) {

		public Note {
			args = List.copyOf(args);
		}

		public static Note level(String code, Object... args) {
			return new Note(Kind.LEVEL, code, List.of(args), Attention.Severity.NOTICE, null);
		}

		public static Note flag(Attention.Severity severity, String code, String link, Object... args) {
			return new Note(Kind.FLAG, code, List.of(args), severity, link);
		}
	}

	/** Where a note shows on the census line. */
	enum Kind {
		LEVEL, FLAG
	}
}
