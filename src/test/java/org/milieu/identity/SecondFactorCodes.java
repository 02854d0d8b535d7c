package org.milieu.identity;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** Test fixture: what an authenticator app would show for a secret at a moment. */
public final class SecondFactorCodes {

	private SecondFactorCodes() {
	}

	/** The code for the 30-second step {@code stepsAhead} after the one containing {@code at}. */
	public static String code(String secret, Instant at, int stepsAhead) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret,
					at.getEpochSecond() / SecondFactor.PERIOD_SECONDS + stepsAhead);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
