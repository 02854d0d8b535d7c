package org.milieu.work.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

import org.springframework.stereotype.Component;

/** Shows integer cents as money in the reader's language, for templates: {@code stipendMoney.format}. */
@Component("stipendMoney")
public class StipendMoney {

	public String format(long cents, String currency, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		try {
			format.setCurrency(Currency.getInstance(currency));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			// an unknown code: the number with the code after it
			return BigDecimal.valueOf(cents, 2).toPlainString() + " " + currency;
		}
		return format.format(BigDecimal.valueOf(cents, 2));
	}

	/**
	 * Reads an amount typed by staff (12.50, 12,50 or 12) as cents; null for a blank field and
	 * -1 for one that is no amount, so the ledger refuses it by name.
	 */
	static Long cents(String typed) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(typed.strip().replace(',', '.')).movePointRight(2).longValueExact();
		}
		catch (ArithmeticException | NumberFormatException e) {
			return -1L;
		}
	}
}
