package cn.jiceng.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * With {@code jiceng.demo.enabled}, loads the demo county after Bootstrap (order 0) has created the root and the
 * admin. Only into an empty roster, so a restart never loads it twice and real data is never mixed with it.
 */
@Component
@Order(10)
class DemoStartup implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoStartup.class);

	private final DemoLoader loader;
	private final boolean enabled;
	private final double scale;

	DemoStartup(DemoLoader loader, @Value("${jiceng.demo.enabled:false}") boolean enabled,
			@Value("${jiceng.demo.scale:1.0}") double scale) {
		this.loader = loader;
		this.enabled = enabled;
		this.scale = scale;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		if (!loader.rosterEmpty()) {
			log.info("党员名册已有数据，不再载入演示县数据");
			return;
		}
		log.info("正在载入演示县数据（规模 {}）……", scale);
		DemoLoader.LoadResult r = loader.load(scale);
		log.info("演示县数据已载入：{}个党组织（{}个党支部、{}个党小组），{}名党员（{}名流动党员），用时{}毫秒；演示账号 {}，密码 {}",
				r.organizations(), r.branches(), r.groups(), r.members(), r.mobileMembers(), r.millis(), r.accounts(),
				DemoLoader.DEMO_PASSWORD);
	}
}
