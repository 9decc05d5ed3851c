package cn.jiceng.member;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EthnicityTest {

	@Test
	void thereAreFiftySixGroupsPlusOtherAndForeignOrigin() {
		assertThat(Ethnicity.all()).hasSize(58);
		assertThat(Ethnicity.all().get(56)).isEqualTo(Ethnicity.OTHER);
		assertThat(Ethnicity.all().get(57)).isEqualTo(Ethnicity.FOREIGN_ORIGIN);
	}

	@Test
	void fiftySixGroupsAreNumberedOneToFiftySixInStandardOrder() {
		List<Ethnicity> all = Ethnicity.all();
		for (int i = 0; i < 56; i++) {
			assertThat(all.get(i).code()).isEqualTo(String.format("%02d", i + 1));
			assertThat(all.get(i).label()).endsWith("族");
		}
	}

	@Test
	void wellKnownCodesMapToTheirGroups() {
		assertThat(Ethnicity.byCode("01")).contains(Ethnicity.HAN);
		assertThat(Ethnicity.HAN.label()).isEqualTo("汉族");
		assertThat(Ethnicity.byCode("05").map(Ethnicity::label)).contains("维吾尔族");
		assertThat(Ethnicity.byCode("15").map(Ethnicity::label)).contains("土家族");
		assertThat(Ethnicity.byCode("29").map(Ethnicity::label)).contains("柯尔克孜族");
		assertThat(Ethnicity.byCode("46").map(Ethnicity::label)).contains("德昂族");
		assertThat(Ethnicity.byCode("56").map(Ethnicity::label)).contains("基诺族");
	}

	@Test
	void otherAndForeignOriginUseNinetySevenAndNinetyEight() {
		assertThat(Ethnicity.byCode("97")).contains(Ethnicity.OTHER);
		assertThat(Ethnicity.OTHER.label()).isEqualTo("其他");
		assertThat(Ethnicity.byCode("98")).contains(Ethnicity.FOREIGN_ORIGIN);
		assertThat(Ethnicity.FOREIGN_ORIGIN.label()).isEqualTo("外国血统中国籍人士");
	}

	@Test
	void wrongNonStandardCodesAreUnknown() {
		assertThat(Ethnicity.byCode("57")).isEmpty();
		assertThat(Ethnicity.byCode("58")).isEmpty();
		assertThat(Ethnicity.byCode("00")).isEmpty();
		assertThat(Ethnicity.byCode(null)).isEmpty();
	}

	@Test
	void codeWithoutLeadingZeroIsAccepted() {
		assertThat(Ethnicity.byCode("1")).contains(Ethnicity.HAN);
		assertThat(Ethnicity.byCode(" 8 ")).contains(Ethnicity.ZHUANG);
	}

	@Test
	void fullAndShortNamesBothResolve() {
		assertThat(Ethnicity.byName("汉族")).contains(Ethnicity.HAN);
		assertThat(Ethnicity.byName("汉")).contains(Ethnicity.HAN);
		assertThat(Ethnicity.byName("土家")).contains(Ethnicity.TUJIA);
		assertThat(Ethnicity.byName("土")).contains(Ethnicity.TU);
		assertThat(Ethnicity.byName(" 其他 ")).contains(Ethnicity.OTHER);
	}

	@Test
	void everyLabelResolvesBackToItsOwnGroup() {
		for (Ethnicity e : Ethnicity.all()) {
			assertThat(Ethnicity.byName(e.label())).contains(e);
			assertThat(Ethnicity.byCode(e.code())).contains(e);
		}
	}

	@Test
	void formerNamesResolveToTodaysGroup() {
		assertThat(Ethnicity.byName("崩龙族")).contains(Ethnicity.DEANG);
		assertThat(Ethnicity.byName("毛难族")).contains(Ethnicity.MAONAN);
		assertThat(Ethnicity.byName("僮族")).contains(Ethnicity.ZHUANG);
	}

	@Test
	void unknownNamesAreEmpty() {
		assertThat(Ethnicity.byName("穿青人")).isEmpty();
		assertThat(Ethnicity.byName("族")).isEmpty();
		assertThat(Ethnicity.byName("")).isEmpty();
		assertThat(Ethnicity.byName(null)).isEmpty();
	}
}
