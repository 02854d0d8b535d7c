package org.milieu.work;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A program's rules for stipends and incentives: the currency, the most one resident may be
 * paid out in any seven days ({@code weeklyCapCents}) and in one payout ({@code payoutCapCents}),
 * the most incentives one resident may earn in a calendar year, in cents' worth
 * ({@code incentiveYearlyCapCents}), and what one incentive point is worth ({@code pointValueCents}).
 */
public record StipendSettings(@Schema(requiredMode = REQUIRED, pattern = "^[A-Z]{3}$") String currency,
		@Schema(requiredMode = REQUIRED, minimum = "1") long weeklyCapCents,
		@Schema(requiredMode = REQUIRED, minimum = "1", description = "at most weeklyCapCents") long payoutCapCents,
		@Schema(requiredMode = REQUIRED, minimum = "1") long incentiveYearlyCapCents,
		@Schema(requiredMode = REQUIRED, minimum = "1") long pointValueCents) {

	/** What a program uses until its director changes it: USD 100 a week, 50 a payout, 750 a year in incentives, 10 cents a point. */
	public static final StipendSettings DEFAULTS = new StipendSettings("USD", 10_000, 5_000, 75_000, 10);
}
