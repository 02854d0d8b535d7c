package org.milieu.staffing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.milieu.identity.Account;
import org.milieu.identity.Accounts;
import org.milieu.identity.CareRelationships;
import org.milieu.identity.MilieuUser;
import org.milieu.identity.Role;
import org.milieu.residents.Houses;
import org.milieu.shared.ProgramId;
import org.milieu.shared.RecordNotFound;
import org.milieu.shared.RuleViolation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The planned roster: who works which house on which date and shift. The director plans it;
 * everyone on staff reads it. Only people who work in the house and hold a staff role can be
 * planned for it.
 */
@Service
public class Rosters {

	static final int LONGEST_PERIOD_DAYS = 62;

	private final JdbcClient jdbc;

	private final Houses houses;

	private final Accounts accounts;

	private final CareRelationships care;

	Rosters(JdbcClient jdbc, Houses houses, Accounts accounts, CareRelationships care) {
		this.jdbc = jdbc;
		this.houses = houses;
		this.accounts = accounts;
		this.care = care;
	}

	@Transactional
	public RosterEntry plan(MilieuUser user, UUID houseId, LocalDate date, ShiftCode shift, UUID accountId) {
		houses.find(user.programId(), houseId);
		Account account = accounts.find(accountId)
			.filter(a -> a.programId().equals(user.programId().value()) && a.enabled())
			.orElseThrow(() -> new RuleViolation("staffing.roster.unknownPerson", "accountId"));
		boolean staffRole = account.roles().contains(Role.STAFF) || account.roles().contains(Role.CLINICIAN)
				|| account.roles().contains(Role.ADMIN);
		if (!staffRole) {
			throw new RuleViolation("staffing.roster.notStaff", "accountId");
		}
		if (!account.roles().contains(Role.ADMIN) && !care.houses(accountId).contains(houseId)) {
			throw new RuleViolation("staffing.roster.notInHouse", "accountId");
		}
		UUID id = UUID.randomUUID();
		try {
			jdbc.sql("""
					insert into staffing_roster_entry (id, program_id, house_id, shift_date, shift, account_id, added_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, user.programId().value(), houseId, date, shift.name(), accountId, user.getUsername())
				.update();
		}
		catch (DuplicateKeyException twice) {
			throw new RuleViolation("staffing.roster.duplicate", "accountId");
		}
		return new RosterEntry(id, houseId, date, shift, accountId, account.displayName());
	}

	@Transactional
	public void remove(MilieuUser user, UUID entryId) {
		int removed = jdbc.sql("delete from staffing_roster_entry where id = ? and program_id = ?")
			.params(entryId, user.programId().value())
			.update();
		if (removed == 0) {
			throw new RecordNotFound("RosterEntry", entryId);
		}
	}

	/** The roster from one date to another (at most 62 days), by date, shift and house. */
	@Transactional(readOnly = true)
	public List<RosterEntry> between(ProgramId program, LocalDate from, LocalDate to) {
		Workplaces.requirePeriod(from, to, LONGEST_PERIOD_DAYS);
		List<RosterEntry> entries = jdbc.sql("""
				select id, house_id, shift_date, shift, account_id from staffing_roster_entry
				 where program_id = ? and shift_date between ? and ?
				 order by shift_date, shift, house_id, added_at""")
			.params(program.value(), from, to)
			.query((rs, n) -> new RosterEntry(rs.getObject("id", UUID.class), rs.getObject("house_id", UUID.class),
					rs.getObject("shift_date", LocalDate.class), ShiftCode.valueOf(rs.getString("shift")),
					rs.getObject("account_id", UUID.class), null))
			.list();
		java.util.Map<UUID, String> names = accounts.displayNames(entries.stream().map(RosterEntry::accountId).toList());
		return entries.stream()
			.map(e -> new RosterEntry(e.id(), e.houseId(), e.shiftDate(), e.shift(), e.accountId(),
					names.getOrDefault(e.accountId(), "?")))
			.toList();
	}

	/** The people who may be planned: enabled accounts of the program with a staff role. */
	@Transactional(readOnly = true)
	public List<Account> staff(ProgramId program) {
		return accounts.list(program).stream()
			.filter(Account::enabled)
			.filter(a -> a.roles().contains(Role.STAFF) || a.roles().contains(Role.CLINICIAN) || a.roles().contains(Role.ADMIN))
			.toList();
	}
}
