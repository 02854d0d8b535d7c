package org.milieu.levels.web;

import java.util.Locale;

import org.milieu.levels.privileges.Answer;
import org.milieu.levels.privileges.Privilege;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The words of privileges in the reader's language: a default privilege's name and description
 * from the message bundles by code, a custom one's as the director wrote them, and the reason of
 * an answer.
 */
@Component
class PrivilegeTexts {

	private final MessageSource messages;

	PrivilegeTexts(MessageSource messages) {
		this.messages = messages;
	}

	String name(Privilege privilege) {
		return privilege.custom() ? privilege.name()
				: messages.getMessage(privilege.nameKey(), null, privilege.code(), locale());
	}

	String description(Privilege privilege) {
		return privilege.custom() ? privilege.description()
				: messages.getMessage(privilege.descriptionKey(), null, null, locale());
	}

	String reason(Answer answer) {
		return messages.getMessage(answer.reasonKey(), answer.argumentArray(), answer.reasonKey(), locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
