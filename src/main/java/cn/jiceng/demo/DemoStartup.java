package cn.jiceng.demo;

import java.time.Clock;
import java.time.LocalDate;

import cn.jiceng.assessment.MemberAppraisalsDemoData;
import cn.jiceng.assessment.AssessmentStarsDemoData;
import cn.jiceng.development.DevelopmentDemoData;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.dues.DuesDemoData;
import cn.jiceng.masswork.MassworkDemoData;
import cn.jiceng.organization.OfficeDemoData;
import cn.jiceng.publicity.PublicityDemoData;
import cn.jiceng.orglife.OrgLifeDemoData;
import cn.jiceng.scoring.ScoringDemoData;
import cn.jiceng.supervision.PairingDemoData;
import cn.jiceng.supervision.SupervisionDemoData;
import cn.jiceng.supervision.WeakLaxDemoData;
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
	private final OrgLifeDemoData orgLife;
	private final ScoringDemoData scoring;
	private final OrganizationService organizations;
	private final OfficeDemoData offices;
	private final DuesDemoData dues;
	private final AssessmentStarsDemoData stars;
	private final MemberAppraisalsDemoData memberAppraisals;
	private final SupervisionDemoData supervision;
	private final WeakLaxDemoData weakLax;
	private final MassworkDemoData masswork;
	private final PublicityDemoData publicity;
	private final DevelopmentDemoData development;
	private final PairingDemoData pairings;
	private final Clock clock;
	private final boolean enabled;
	private final double scale;

	DemoStartup(DemoLoader loader, OrgLifeDemoData orgLife, ScoringDemoData scoring, OrganizationService organizations,
			OfficeDemoData offices, DuesDemoData dues, AssessmentStarsDemoData stars,
			MemberAppraisalsDemoData memberAppraisals, SupervisionDemoData supervision, MassworkDemoData masswork,
			PublicityDemoData publicity, DevelopmentDemoData development, PairingDemoData pairings,
			WeakLaxDemoData weakLax, Clock clock,
			@Value("${jiceng.demo.enabled:false}") boolean enabled, @Value("${jiceng.demo.scale:1.0}") double scale) {
		this.loader = loader;
		this.orgLife = orgLife;
		this.scoring = scoring;
		this.organizations = organizations;
		this.offices = offices;
		this.dues = dues;
		this.stars = stars;
		this.memberAppraisals = memberAppraisals;
		this.supervision = supervision;
		this.weakLax = weakLax;
		this.masswork = masswork;
		this.publicity = publicity;
		this.development = development;
		this.pairings = pairings;
		this.clock = clock;
		this.enabled = enabled;
		this.scale = scale;
	}

	/** What the log says after loading; never the demo password (logs are shipped and kept, README has it). */
	static String loadedMessage(DemoLoader.LoadResult r) {
		return "演示县数据已载入：%d个党组织（%d个党支部、%d个党小组），%d名党员（%d名流动党员），用时%d毫秒；演示账号 %s，密码见 README"
			.formatted(r.organizations(), r.branches(), r.groups(), r.members(), r.mobileMembers(), r.millis(),
					r.accounts());
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
		log.info(loadedMessage(r));
		seedModules();
	}

	/**
	 * Every module's demo data over the loaded county (each seed skips what it already holds); the dashboard's
	 * demo test runs it on the test county too.
	 */
	void seedModules() {
		// A year and a half of organizational life, so the wall charts, compliance table and bulletin have content.
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		var root = organizations.ref(organizations.rootId().orElseThrow()).orElseThrow();
		long county = root.countyId();
		// the leadership first: the secretaries give the lectures and answer for their branches
		log.info("演示班子成员：{}条任职记录", offices.seed(county, root.path(), today));
		DuesDemoData.Seeded d = dues.seed(county, root.path(), today);
		log.info("演示党费：{}名党员核定基数，{}笔交纳记录", d.bases(), d.payments());
		for (int year : new int[] { today.getYear() - 1, today.getYear() }) {
			OrgLifeDemoData.Seeded s = orgLife.seed(county, year, today);
			log.info("演示组织生活 {} 年：{}个月，{}次会议，{}条出勤，{}份三信联系报告，{}条免责", year, s.months(), s.meetings(),
					s.attendanceRows(), s.remoteReports(), s.exemptions());
			// a catalogue and claims (approved, rejected, pending), so rankings and warnings have content
			ScoringDemoData.SeedResult c = scoring.seed(county, year);
			log.info("演示积分 {} 年：{}条积分申报，{}名党员计入先锋指数，{}名警示党员", year, c.claims(), c.members(), c.warnings());
		}
		AssessmentStarsDemoData.Seeded st = stars.seed(county, root.path(), today);
		log.info("演示五星评定：{}个标准，去年{}个定星（{}次摘星），今年{}个评定进行中，{}项评优推荐", st.standards(), st.lastYear(),
				st.revocations(), st.thisYear(), st.commendations());
		MemberAppraisalsDemoData.Seeded ma = memberAppraisals.seed(county, root.path(), today);
		log.info("演示考评：去年{}名党员民主评议，近三年{}条干部“树根”考核", ma.democratic(), ma.cadres());
		SupervisionDemoData.Seeded sv = supervision.seed(county, root.path(), today);
		log.info("演示问题交办：{}份整改通知，{}个问题（整改中{}、待验收{}、已销号{}，逾期{}），{}条跟踪记录；三张清单{}张，{}个事项",
				sv.notices(), sv.problems(), sv.open(), sv.rectified(), sv.closed(), sv.overdue(), sv.followUps(),
				sv.lists(), sv.items());
		log.info("演示挂联包帮：{}个挂联关系，{}条活动记录", sv.assignments(), sv.activities());
		PairingDemoData.Seeded pr = pairings.seed(county, root.path(), today);
		log.info("演示携手联心：{}个结对，{}次服务，{}个困难解决，{}个微心愿", pr.pairings(), pr.services(), pr.difficulties(),
				pr.wishes());
		WeakLaxDemoData.Seeded wl = weakLax.seed(county, root.path(), today);
		log.info("演示软弱涣散整顿：去年和今年共{}个党组织列入名单，{}条帮扶措施", wl.listed(), wl.measures());
		MassworkDemoData.Seeded mw = masswork.seed(county, root.path(), today);
		log.info("演示群众工作：{}户农户，{}条走访记录，{}件民事代办", mw.households(), mw.visits(), mw.errands());
		PublicityDemoData.Seeded pb = publicity.seed(county, root.path(), today);
		log.info("演示学习宣传关爱：{}次夜学（{}人次参学），{}场交叉巡讲，{}篇党建故事，{}笔关爱基金收支", pb.sessions(),
				pb.attendees(), pb.lectures(), pb.stories(), pb.movements());
		log.info("演示私人定制学习：{}份学习资料，{}名老党员登记学习需求，{}次送学上门", pb.materials(), pb.needs(), pb.deliveries());
		DevelopmentDemoData.Seeded dv = development.seed(county, root.path(), today);
		log.info("演示发展党员：{}本记实簿，{}个步骤，{}人延长预备期，{}人取消预备党员资格，{}个乡镇年度计划", dv.records(), dv.steps(),
				dv.extensions(), dv.cancellations(), dv.plans());
		log.info("演示组织生活数据已载入，用时{}毫秒", (System.nanoTime() - started) / 1_000_000);
	}
}
