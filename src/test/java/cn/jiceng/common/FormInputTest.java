package cn.jiceng.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class FormInputTest {

	@Test
	void aCodeIsReadTrimmed() {
		assertThat(FormInput.enumOrNull(DayOfWeek.class, " MONDAY ")).isEqualTo(DayOfWeek.MONDAY);
	}

	@Test
	void anUnknownCodeIsAProblemOnItsField() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(FormInput.parseEnum(DayOfWeek.class, "FUNDAY", "day", "星期不正确", problems, false)).isNull();
		assertThat(problems).containsExactly(new FieldProblem("day", "星期不正确"));
	}

	@Test
	void aBlankCodeIsAProblemOnlyWhenRequired() {
		List<FieldProblem> problems = new ArrayList<>();
		assertThat(FormInput.parseEnum(DayOfWeek.class, " ", "day", "请选择星期", problems, false)).isNull();
		assertThat(problems).isEmpty();
		FormInput.parseEnum(DayOfWeek.class, null, "day", "请选择星期", problems, true);
		assertThat(problems).containsExactly(new FieldProblem("day", "请选择星期"));
	}

	@Test
	void blankTextIsNullAndOtherTextIsTrimmed() {
		assertThat(FormInput.blankToNull("  ")).isNull();
		assertThat(FormInput.blankToNull(" 主题 ")).isEqualTo("主题");
	}
}
