package cn.jiceng.assessment;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;

/**
 * The code, name and whole points every scored item is entered with (a star standard's items, an inspection
 * round's items), checked once for both: problems are added under {@code at}, and {@code codes} collects the codes
 * seen so far so a repeated one is refused.
 */
record ItemHead(String code, String name, int points) {

	static final Pattern CODE = Pattern.compile("[A-Za-z0-9_\\-]{1,40}");

	/** The item's head, or null when any part was refused. */
	static ItemHead check(String at, String rawCode, String rawName, Integer points, Set<String> codes,
			List<FieldProblem> problems) {
		String code = FormInput.blankToNull(rawCode);
		String name = FormInput.blankToNull(rawName);
		boolean ok = true;
		if (code == null || !CODE.matcher(code).matches()) {
			problems.add(new FieldProblem(at + ".code", "项目代码应为1到40位字母、数字、下划线或连字符"));
			ok = false;
		}
		else if (!codes.add(code)) {
			problems.add(new FieldProblem(at + ".code", "项目代码重复：" + code));
			ok = false;
		}
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem(at + ".name", "请填写项目名称（不超过100字）"));
			ok = false;
		}
		if (points == null || points < 1 || points > 100) {
			problems.add(new FieldProblem(at + ".points", "分值应为1到100的整数"));
			ok = false;
		}
		return ok ? new ItemHead(code, name, points) : null;
	}
}
