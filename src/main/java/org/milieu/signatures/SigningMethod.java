package org.milieu.signatures;

/** How the signer proved who they are at the moment of signing. */
public enum SigningMethod {
	PASSWORD, PASSWORD_AND_SECOND_FACTOR, PASSKEY
}
