package cn.jiceng.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.member.IdNumber.IdCheck;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdNumberTest {

	private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

	private static IdCheck.Valid valid(String raw) {
		IdCheck result = IdNumber.check(raw, TODAY);
		assertThat(result).isInstanceOf(IdCheck.Valid.class);
		return (IdCheck.Valid) result;
	}

	private static String reason(String raw) {
		IdCheck result = IdNumber.check(raw, TODAY);
		assertThat(result).isInstanceOf(IdCheck.Invalid.class);
		return ((IdCheck.Invalid) result).reason();
	}

	@Test
	void publishedExampleWithXCheckDigitIsValid() {
		IdCheck.Valid id = valid("11010519491231002X");

		assertThat(id.value()).isEqualTo("11010519491231002X");
		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
		assertThat(id.gender()).isEqualTo(Gender.FEMALE);
	}

	@Test
	void publishedExampleBornIn1880IsValidAndMale() {
		IdCheck.Valid id = valid("440524188001010014");

		assertThat(id.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
		assertThat(id.gender()).isEqualTo(Gender.MALE);
	}

	@Test
	void textbookExamplesAreValid() {
		IdCheck.Valid jinan = valid("370101190102039973");
		IdCheck.Valid anhui = valid("34052419800101001X");

		assertThat(jinan.birthDate()).isEqualTo(LocalDate.of(1901, 2, 3));
		assertThat(jinan.gender()).isEqualTo(Gender.MALE);
		assertThat(anhui.birthDate()).isEqualTo(LocalDate.of(1980, 1, 1));
		assertThat(anhui.gender()).isEqualTo(Gender.MALE);
	}

	@Test
	void validResultReportsNoProblem() {
		IdCheck result = IdNumber.check("11010519491231002X", TODAY);

		assertThat(result.isValid()).isTrue();
		assertThat(result.problem()).isEmpty();
	}

	@Test
	void invalidResultReportsItsReasonAsProblem() {
		IdCheck result = IdNumber.check("110105194912310021", TODAY);

		assertThat(result.isValid()).isFalse();
		assertThat(result.problem()).contains("身份证号码校验位不正确");
	}

	@Test
	void lowerCaseXIsAcceptedAndNormalized() {
		assertThat(valid("11010519491231002x").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void surroundingWhitespaceIsIgnored() {
		assertThat(valid(" 11010519491231002X\t").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void fullWidthDigitsAreNormalizedToHalfWidth() {
		assertThat(valid("１１０１０５１９４９１２３１００２Ｘ").value()).isEqualTo("11010519491231002X");
	}

	@Test
	void seventeenthDigitOddMeansMale() {
		// Same first 16 digits; only the sequence parity differs.
		assertThat(valid(IdNumber.withCheckDigit("11010519491231003")).gender()).isEqualTo(Gender.MALE);
		assertThat(valid(IdNumber.withCheckDigit("11010519491231009")).gender()).isEqualTo(Gender.MALE);
	}

	@Test
	void seventeenthDigitEvenMeansFemale() {
		assertThat(valid(IdNumber.withCheckDigit("11010519491231000")).gender()).isEqualTo(Gender.FEMALE);
		assertThat(valid(IdNumber.withCheckDigit("11010519491231008")).gender()).isEqualTo(Gender.FEMALE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void blankInputIsRejectedWithReason(String raw) {
		assertThat(reason(raw)).isEqualTo("身份证号码不能为空");
	}

	@Test
	void nullInputIsRejectedWithReason() {
		assertThat(reason(null)).isEqualTo("身份证号码不能为空");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231002", "11010519491231002X1", "110105491231002" })
	void wrongLengthIsRejectedWithReason(String raw) {
		assertThat(reason(raw)).isEqualTo("身份证号码应为18位");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519491231A02X", "X10105194912310021", "11010519491231002Y", "1101051949-231002X" })
	void nonDigitCharactersAreRejectedWithReason(String raw) {
		assertThat(reason(raw)).isEqualTo("身份证号码只能包含数字，最后一位可为X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "00010519491231002", "16010519491231002", "72010519491231002", "83010519491231002",
			"99010519491231002" })
	void unknownProvinceCodeIsRejectedWithReason(String first17) {
		assertThat(reason(IdNumber.withCheckDigit(first17))).isEqualTo("身份证号码的省份代码不正确");
	}

	@ParameterizedTest
	@ValueSource(strings = { "11", "15", "21", "23", "31", "37", "41", "46", "50", "54", "61", "65", "71", "81", "82" })
	void everyProvinceRangeBoundaryIsAccepted(String province) {
		assertThat(IdNumber.check(IdNumber.withCheckDigit(province + "010519491231002"), TODAY).isValid()).isTrue();
	}

	@Test
	void wrongCheckDigitIsRejectedWithReason() {
		assertThat(reason("110105194912310021")).isEqualTo("身份证号码校验位不正确");
		assertThat(reason("440524188001010015")).isEqualTo("身份证号码校验位不正确");
	}

	@Test
	void xInAPositionWhereADigitIsDueIsRejectedAsWrongCheckDigit() {
		assertThat(reason("44052418800101001X")).isEqualTo("身份证号码校验位不正确");
	}

	@Test
	void everySingleDigitTypoInTheFirstSeventeenIsDetected() {
		String id = "11010519491231002X";
		for (int i = 0; i < 17; i++) {
			for (char d = '0'; d <= '9'; d++) {
				if (d == id.charAt(i)) {
					continue;
				}
				String typo = id.substring(0, i) + d + id.substring(i + 1);
				assertThat(IdNumber.check(typo, TODAY).isValid()).as(typo).isFalse();
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "11010519490230002", "11010519491301002", "11010519491200002", "11010519490431002",
			"11010519000229002", "11010500000101002" })
	void nonexistentBirthDateIsRejectedWithReason(String first17) {
		assertThat(reason(IdNumber.withCheckDigit(first17))).isEqualTo("身份证号码中的出生日期不存在");
	}

	@Test
	void leapDayInALeapYearIsAccepted() {
		assertThat(valid(IdNumber.withCheckDigit("11010520000229002")).birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
	}

	@Test
	void birthDateAfterTodayIsRejectedWithReason() {
		assertThat(reason(IdNumber.withCheckDigit("11010520240602002"))).isEqualTo("出生日期不能晚于今天");
	}

	@Test
	void birthDateOnTodayIsAccepted() {
		assertThat(valid(IdNumber.withCheckDigit("11010520240601002")).birthDate()).isEqualTo(TODAY);
	}

	@Test
	void birthDateBeforeEighteenHundredIsRejectedWithReason() {
		assertThat(reason(IdNumber.withCheckDigit("11010517991231002"))).isEqualTo("出生日期不能早于1800年1月1日");
	}

	@Test
	void firstDayOfEighteenHundredIsAccepted() {
		assertThat(valid(IdNumber.withCheckDigit("11010518000101002")).birthDate())
				.isEqualTo(IdNumber.EARLIEST_BIRTH_DATE);
	}

	@Test
	void checkWithoutExplicitDateUsesTheRealToday() {
		String tomorrow = IdNumber.generate("110105", LocalDate.now().plusDays(2), 2, Gender.FEMALE);

		assertThat(IdNumber.check("11010519491231002X").isValid()).isTrue();
		assertThat(IdNumber.check(tomorrow).problem()).contains("出生日期不能晚于今天");
	}

	@Test
	void withCheckDigitReproducesThePublishedExamples() {
		assertThat(IdNumber.withCheckDigit("11010519491231002")).isEqualTo("11010519491231002X");
		assertThat(IdNumber.withCheckDigit("44052418800101001")).isEqualTo("440524188001010014");
		assertThat(IdNumber.withCheckDigit("37010119010203997")).isEqualTo("370101190102039973");
		assertThat(IdNumber.withCheckDigit("34052419800101001")).isEqualTo("34052419800101001X");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1101051949123100", "110105194912310021", "1101051949123100A" })
	void withCheckDigitRejectsAnythingButSeventeenDigits(String input) {
		assertThatThrownBy(() -> IdNumber.withCheckDigit(input)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void generateReproducesThePublishedExamples() {
		assertThat(IdNumber.generate("110105", LocalDate.of(1949, 12, 31), 2, Gender.FEMALE))
				.isEqualTo("11010519491231002X");
		assertThat(IdNumber.generate("440524", LocalDate.of(1880, 1, 1), 1, Gender.MALE))
				.isEqualTo("440524188001010014");
	}

	@Test
	void generateFlipsSequenceParityToMatchGender() {
		LocalDate birth = LocalDate.of(1990, 5, 6);

		assertThat(IdNumber.generate("330722", birth, 2, Gender.MALE).substring(14, 17)).isEqualTo("003");
		assertThat(IdNumber.generate("330722", birth, 0, Gender.MALE).substring(14, 17)).isEqualTo("001");
		assertThat(IdNumber.generate("330722", birth, 999, Gender.FEMALE).substring(14, 17)).isEqualTo("998");
		assertThat(IdNumber.generate("330722", birth, 7, Gender.MALE).substring(14, 17)).isEqualTo("007");
		assertThat(IdNumber.generate("330722", birth, 40, Gender.FEMALE).substring(14, 17)).isEqualTo("040");
	}

	@Test
	void generateRejectsInputsThatCannotMakeAValidNumber() {
		LocalDate birth = LocalDate.of(1990, 5, 6);

		assertThatThrownBy(() -> IdNumber.generate("33072", birth, 1, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IdNumber.generate("33a722", birth, 1, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IdNumber.generate("990722", birth, 1, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IdNumber.generate("330722", birth, 1000, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IdNumber.generate("330722", birth, -1, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> IdNumber.generate("330722", LocalDate.of(1799, 12, 31), 1, Gender.MALE))
				.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void generatedNumbersAlwaysPass() {
		int[] provinces = { 11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51,
				52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82 };
		long first = IdNumber.EARLIEST_BIRTH_DATE.toEpochDay();
		long span = TODAY.toEpochDay() - first + 1;
		Random random = new Random(20240601L);
		for (int n = 0; n < 10_000; n++) {
			String area = provinces[random.nextInt(provinces.length)] + String.format("%04d", random.nextInt(10_000));
			LocalDate birth = LocalDate.ofEpochDay(first + (long) (random.nextDouble() * span));
			int sequence = random.nextInt(1000);
			Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;

			String id = IdNumber.generate(area, birth, sequence, gender);
			IdCheck result = IdNumber.check(id, TODAY);

			assertThat(result).as(id).isInstanceOf(IdCheck.Valid.class);
			IdCheck.Valid v = (IdCheck.Valid) result;
			assertThat(v.value()).isEqualTo(id);
			assertThat(id).startsWith(area);
			assertThat(v.birthDate()).isEqualTo(birth);
			assertThat(v.gender()).isEqualTo(gender);
			assertThat(Math.abs(Integer.parseInt(id.substring(14, 17)) - sequence)).isLessThanOrEqualTo(1);
		}
	}

	@Test
	void maskKeepsFirstSixAndLastFour() {
		assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110105********002X");
		assertThat(IdNumber.mask(" 440524188001010014 ")).isEqualTo("440524********0014");
	}

	@Test
	void maskHidesShortInputEntirelyAndToleratesNull() {
		assertThat(IdNumber.mask(null)).isNull();
		assertThat(IdNumber.mask("")).isEmpty();
		assertThat(IdNumber.mask("1101051949")).isEqualTo("**********");
		assertThat(IdNumber.mask("11010519491")).isEqualTo("110105*9491");
	}

	@Test
	void matchingDeclarationsHaveNoConsistencyProblems() {
		IdCheck.Valid id = valid("11010519491231002X");

		assertThat(IdNumber.consistencyProblems(id, LocalDate.of(1949, 12, 31), Gender.FEMALE)).isEmpty();
	}

	@Test
	void declaredGenderThatDisagreesIsReported() {
		IdCheck.Valid id = valid("11010519491231002X");

		assertThat(IdNumber.consistencyProblems(id, LocalDate.of(1949, 12, 31), Gender.MALE))
				.containsExactly("身份证号码与性别不一致");
	}

	@Test
	void declaredBirthDateThatDisagreesIsReported() {
		IdCheck.Valid id = valid("440524188001010014");

		assertThat(IdNumber.consistencyProblems(id, LocalDate.of(1880, 1, 2), Gender.MALE))
				.containsExactly("身份证号码与出生日期不一致");
	}

	@Test
	void bothDisagreementsAreReportedTogether() {
		IdCheck.Valid id = valid("440524188001010014");

		assertThat(IdNumber.consistencyProblems(id, LocalDate.of(1980, 1, 1), Gender.FEMALE))
				.containsExactly("身份证号码与性别不一致", "身份证号码与出生日期不一致");
	}

	@Test
	void missingDeclarationsAreNotConsistencyProblems() {
		IdCheck.Valid id = valid("440524188001010014");

		assertThat(IdNumber.consistencyProblems(id, null, null)).isEmpty();
	}

	@Test
	void genderCarriesLabelAndNationalCode() {
		assertThat(Gender.MALE.label()).isEqualTo("男");
		assertThat(Gender.FEMALE.label()).isEqualTo("女");
		assertThat(Gender.MALE.code()).isEqualTo("1");
		assertThat(Gender.FEMALE.code()).isEqualTo("2");
	}
}
