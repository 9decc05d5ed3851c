package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.orglife.RemoteReportPolicy.Decision;
import cn.jiceng.orglife.RemoteReportPolicy.Refusal;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class RemoteReportPolicyTest {

	private static final YearMonth MONTH = YearMonth.of(2025, 5);

	private final RemoteReportPolicy policy = new RemoteReportPolicy();

	@Test
	void mobileMemberMayFileTheFirstReportOfAMonth() {
		assertThat(policy.mayFile(MONTH, true, false).allowed()).isTrue();
	}

	@Test
	void memberNotMobileInTheMonthIsRefused() {
		Decision decision = policy.mayFile(MONTH, false, false);

		assertThat(decision).isEqualTo(new Decision.Refused(Refusal.NOT_MOBILE, decision.reason()));
		assertThat(decision.reason()).contains("2025-05").contains("不是流动党员");
	}

	@Test
	void secondReportOfTheSameMonthIsRefusedAsAlreadyFiled() {
		Decision decision = policy.mayFile(MONTH, true, true);

		assertThat(decision).isInstanceOf(Decision.Refused.class);
		assertThat(((Decision.Refused) decision).refusal()).isEqualTo(Refusal.ALREADY_FILED);
		assertThat(decision.reason()).contains("每月只能报送一次");
	}

	@Test
	void secretaryMayEnterAReportOfAnyChannelOnTheMembersBehalf() {
		assertThat(policy.mayFileOnBehalf(MONTH, RemoteChannel.LETTER, true, false).allowed()).isTrue();
		assertThat(policy.mayFileOnBehalf(MONTH, RemoteChannel.WECHAT, true, false).allowed()).isTrue();
		assertThat(((Decision.Refused) policy.mayFileOnBehalf(MONTH, RemoteChannel.SMS, true, true)).refusal())
				.isEqualTo(Refusal.ALREADY_FILED);
		assertThat(((Decision.Refused) policy.mayFileOnBehalf(MONTH, RemoteChannel.LETTER, false, false)).refusal())
				.isEqualTo(Refusal.NOT_MOBILE);
	}

	@Test
	void channelsAreWechatLetterAndSms() {
		assertThat(RemoteChannel.values()).extracting(RemoteChannel::label).containsExactly("微信", "书信", "短信");
	}
}
