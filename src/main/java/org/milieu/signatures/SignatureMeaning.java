package org.milieu.signatures;

import org.milieu.identity.Role;

/**
 * What a signature says ("I agree to this plan", "Reviewed by"): a stable {@code code}, the message
 * key of its words in each language (messages.properties), and the role in which one signs it. The
 * words shown are stored with the signature, in the language shown.
 */
public record SignatureMeaning(String code, String messageKey, Role role) {
}
