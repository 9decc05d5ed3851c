package cn.jiceng.platform;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The county's clock: every "today" and "this month" in the rules is Asia/Shanghai. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	Clock countyClock() {
		return Clock.system(COUNTY_ZONE);
	}
}
