package cn.jiceng.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EducationTest {

	@Test
	void standardListsThirtyThreeCodesInAscendingOrder() {
		List<String> codes = Education.all().stream().map(Education::code).toList();

		assertThat(codes).hasSize(33).isSorted().doesNotHaveDuplicates();
		assertThat(codes).startsWith("11", "12", "13").endsWith("81", "83", "90");
	}

	@Test
	void codesResolveToTheirLabels() {
		assertThat(Education.byCode("11")).contains(Education.DOCTORATE_GRADUATED);
		assertThat(Education.DOCTORATE_GRADUATED.label()).isEqualTo("博士研究生毕业");
		assertThat(Education.byCode("21").map(Education::label)).contains("大学本科毕业");
		assertThat(Education.byCode("28").map(Education::label)).contains("大学普通班毕业");
		assertThat(Education.byCode("47").map(Education::label)).contains("技工学校毕业");
		assertThat(Education.byCode("73").map(Education::label)).contains("初中肄业");
		assertThat(Education.byCode(" 90 ")).contains(Education.OTHER);
	}

	@Test
	void categoryHeadingsAndGapsAreNotCodes() {
		assertThat(Education.byCode("10")).isEmpty();
		assertThat(Education.byCode("20")).isEmpty();
		assertThat(Education.byCode("72")).isEmpty();
		assertThat(Education.byCode("82")).isEmpty();
		assertThat(Education.byCode(null)).isEmpty();
	}

	@Test
	void namesResolveToTheirCodes() {
		assertThat(Education.byName("硕士研究生毕业").map(Education::code)).contains("14");
		assertThat(Education.byName("大学专科肄业").map(Education::code)).contains("33");
		assertThat(Education.byName(" 普通高中结业 ").map(Education::code)).contains("62");
	}

	@Test
	void everyLabelResolvesBackToItsOwnCode() {
		for (Education e : Education.all()) {
			assertThat(Education.byName(e.label())).contains(e);
			assertThat(Education.byCode(e.code())).contains(e);
		}
	}

	@Test
	void unknownNamesAreEmpty() {
		assertThat(Education.byName("本科")).isEmpty();
		assertThat(Education.byName("")).isEmpty();
		assertThat(Education.byName(null)).isEmpty();
	}
}
