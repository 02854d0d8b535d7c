package org.milieu.levels.web;

import java.util.List;

import org.milieu.levels.privileges.Answer;
import org.milieu.levels.privileges.PrivilegeStatus;

/**
 * The privileges block of a resident's own page: what they may do now (with the reason where a
 * grant allows it), what is restricted for them now and why, and what their next level brings.
 */
record MyPrivileges(List<Line> now, List<Line> restricted, Integer nextLevel, List<Line> next) {

	/** A privilege's name and, where it helps, the reason. */
	record Line(String name, String reason) {
	}

	static MyPrivileges of(List<PrivilegeStatus> statuses, int level, PrivilegeTexts texts) {
		List<Line> now = statuses.stream().filter(PrivilegeStatus::allowed)
			.map(s -> new Line(texts.name(s.privilege()),
					s.answer().basis() == Answer.Basis.GRANT ? texts.reason(s.answer()) : null))
			.toList();
		List<Line> restricted = statuses.stream().filter(s -> s.answer().basis() == Answer.Basis.RESTRICTION)
			.map(s -> new Line(texts.name(s.privilege()), texts.reason(s.answer()))).toList();
		Integer nextLevel = level < 4 ? level + 1 : null;
		List<Line> next = nextLevel == null ? List.of()
				: statuses.stream().filter(s -> s.privilege().active() && s.privilege().minLevel() == nextLevel)
					.map(s -> new Line(texts.name(s.privilege()), null)).toList();
		return new MyPrivileges(now, restricted, nextLevel, next);
	}
}
