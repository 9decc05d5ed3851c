package cn.jiceng.member;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {

	@ParameterizedTest
	@ValueSource(strings = { "13812345678", "19912345678", "15000000000", " 17712345678 " })
	void mobileNumbersStartingWithThirteenToNineteenAreValid(String phone) {
		assertThat(PhoneNumber.problem(phone)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0578-1234567", "05781234567", "010-12345678", "01012345678", "0578-23456789" })
	void fixedLinesWithAreaCodeAreValid(String phone) {
		assertThat(PhoneNumber.problem(phone)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "12812345678", "11812345678", "1381234567", "138123456789", "1381234567a" })
	void malformedMobileNumbersAreRejectedWithReason(String phone) {
		assertThat(PhoneNumber.problem(phone)).contains("手机号码应为11位数字，以13至19开头");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0578-123456", "0578-123456789", "0578-0234567", "0578--1234567", "05-1234567" })
	void malformedFixedLinesAreRejectedWithReason(String phone) {
		assertThat(PhoneNumber.problem(phone)).contains("固定电话应为区号加7至8位号码，如0578-1234567");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2345678", "87654321", "+8613812345678", "电话" })
	void numbersWithoutAreaCodeOrInOtherFormsAreRejectedWithReason(String phone) {
		assertThat(PhoneNumber.problem(phone))
				.contains("电话号码格式不正确：手机号码应为11位数字，固定电话应带区号，如0578-1234567");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "  " })
	void blankIsRejectedWithReason(String phone) {
		assertThat(PhoneNumber.problem(phone)).contains("电话号码不能为空");
	}

	@Test
	void nullIsRejectedWithReason() {
		assertThat(PhoneNumber.problem(null)).contains("电话号码不能为空");
	}

	@Test
	void maskKeepsFirstThreeAndLastFour() {
		assertThat(PhoneNumber.mask("13812345678")).isEqualTo("138****5678");
		assertThat(PhoneNumber.mask("0578-1234567")).isEqualTo("057*****4567");
		assertThat(PhoneNumber.mask(" 13812345678 ")).isEqualTo("138****5678");
	}

	@Test
	void maskHidesShortInputEntirelyAndToleratesNull() {
		assertThat(PhoneNumber.mask(null)).isNull();
		assertThat(PhoneNumber.mask("1234567")).isEqualTo("*******");
		assertThat(PhoneNumber.mask("12345678")).isEqualTo("123*5678");
	}
}
