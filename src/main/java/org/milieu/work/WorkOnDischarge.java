package org.milieu.work;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.milieu.identity.AccessAction;
import org.milieu.identity.AccessPolicy;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.ResidentScope;
import org.milieu.residents.DischargeClosures;
import org.milieu.shared.DataCategory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Work's part of a discharged resident's record, read from work's own closure record
 * ({@link WorkDischarges}): the jobs that left the rosters, the swap requests cancelled, and the
 * stipend balance as it stands now, which also goes on the printed discharge summary. Staff who
 * may pay the resident get a button to pay the balance out through the ordinary payout.
 */
@Component
@Order(100)
class WorkOnDischarge implements DischargeClosures {

	private final JdbcClient jdbc;

	private final AccessPolicy policy;

	private final StipendLedger ledger;

	private final StipendSettingsStore settings;

	WorkOnDischarge(JdbcClient jdbc, AccessPolicy policy, StipendLedger ledger, StipendSettingsStore settings) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.ledger = ledger;
		this.settings = settings;
	}

	@Override
	public String titleKey() {
		return "closure.work.title";
	}

	@Override
	public DataCategory category() {
		return DataCategory.WORK_AND_STIPENDS;
	}

	@Override
	@Transactional
	public Optional<Closed> closed(MilieuUser user, ResidentScope resident, Stay stay) {
		record Row(int assignments, List<String> jobs, int swaps) {
		}
		Optional<Row> row = jdbc.sql("select assignments_left, jobs_left, swaps_cancelled from work_discharge_closure where stay_id = ?")
			.param(stay.stayId())
			.query((rs, n) -> new Row(rs.getInt(1), List.of((String[]) rs.getArray(2).getArray()), rs.getInt(3))).optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		List<Line> lines = new ArrayList<>();
		if (row.get().assignments() > 0) {
			lines.add(Line.of("closure.work.assignmentsLeft", row.get().assignments(), String.join(", ", row.get().jobs()),
					stay.dischargedOn()));
		}
		if (row.get().swaps() > 0) {
			lines.add(Line.of("closure.work.swapsCancelled", row.get().swaps()));
		}
		long balance = ledger.balanceOf(resident.residentId());
		String currency = jdbc.sql("select currency from work_stipend_account where resident_id = ?")
			.param(resident.residentId()).query(String.class).optional().orElseGet(() -> settings.of(user.programId()).currency());
		String amount = money(balance, currency, LocaleContextHolder.getLocale());
		lines.add(new Line(balance == 0 ? "closure.work.balanceNone" : "closure.work.balance", List.of(amount), true));
		Action action = null;
		if (balance > 0 && policy.decide(user, AccessAction.WRITE, DataCategory.WORK_AND_STIPENDS, resident).allowed()) {
			action = new Action("work/discharge-payout", Map.of("residentId", resident.residentId(), "amount",
					BigDecimal.valueOf(balance, 2).toPlainString(), "display", amount, "methods", PayoutMethod.values()));
		}
		return Optional.of(new Closed(lines, action));
	}

	static String money(long cents, String currency, Locale locale) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale);
		try {
			format.setCurrency(Currency.getInstance(currency));
		}
		catch (IllegalArgumentException | NullPointerException e) {
			return BigDecimal.valueOf(cents, 2).toPlainString() + " " + currency;
		}
		return format.format(BigDecimal.valueOf(cents, 2));
	}
}
