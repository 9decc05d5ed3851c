package cn.jiceng.demo;

import java.util.List;

/** Name material for the demo county: invented place names in the style of a southern Zhejiang county. */
final class DemoNames {

	private DemoNames() {
	}

	/** The twelve townships of the county at scale ≤ 1: name, street (街道), village weight, community weight. */
	record TownshipProfile(String name, boolean street, int villages, int communities) {
	}

	// Rural townships first so that "the first township" (demo account township1) has villages.
	static final List<TownshipProfile> TOWNSHIPS = List.of(
			new TownshipProfile("云峰镇", false, 11, 1),
			new TownshipProfile("石门镇", false, 10, 1),
			new TownshipProfile("清溪镇", false, 9, 1),
			new TownshipProfile("桃源镇", false, 8, 1),
			new TownshipProfile("金竹镇", false, 8, 1),
			new TownshipProfile("大坪乡", false, 6, 0),
			new TownshipProfile("双河乡", false, 6, 0),
			new TownshipProfile("岭下乡", false, 5, 0),
			new TownshipProfile("梅岭乡", false, 5, 0),
			new TownshipProfile("城东街道", true, 2, 7),
			new TownshipProfile("城西街道", true, 3, 6),
			new TownshipProfile("城北街道", true, 4, 5));

	static final String TOWNSHIP_FIRST = "安宝碧长丹凤福高古桂和红华吉锦靖乐莲茂南平仁瑞寿太潭万仙祥兴永玉章湖溪";
	static final String TOWNSHIP_SECOND = "坑源岭田坪口阳川桥塘垟岩城江泉林丰山洋宅";

	static final String PLACE_FIRST = "上下前后东西南北大小新老石岩溪河湖山岭塘田竹桃李杨柳枫松梅杏龙凤金马黄白青红";
	static final String PLACE_SECOND = "坑岙垟宅洋湾口头岭田塘源溪坞桥庄岗坪园畈湖山峰林里坦店";

	static final List<String> COMMUNITY_NAMES = List.of("五云", "新华", "人民", "解放", "东门", "西门", "南苑", "北苑",
			"阳光", "锦绣", "和平", "幸福", "文化", "翠竹", "丽景", "金都", "滨江", "花园", "凤凰", "紫薇", "望江", "桂花",
			"学府", "春晖", "好溪", "仙都", "朝阳", "永安", "东方", "瑞丰", "丹峰", "黄龙", "长坑", "笕川", "溪滨", "龙津");

	static final List<String> ESTATES = List.of("阳光", "锦园", "江滨", "东湖", "翠苑", "金桂", "银杏", "枫林", "兰亭",
			"御景", "书香", "悦府");

	static final List<String> DEPARTMENTS = List.of("县委办公室", "县人大常委会机关", "县政府办公室", "县政协机关",
			"县纪委县监委机关", "县委组织部", "县委宣传部", "县委统战部", "县委政法委", "县委编办", "县委巡察办", "县委党校",
			"县委党史研究室", "县发展和改革局", "县经济和信息化局", "县教育局", "县科学技术局", "县公安局", "县民政局",
			"县司法局", "县财政局", "县人力资源和社会保障局", "县自然资源和规划局", "县生态环境分局", "县住房和城乡建设局",
			"县交通运输局", "县水利局", "县农业农村局", "县商务局", "县文化和广电旅游体育局", "县卫生健康局",
			"县退役军人事务局", "县应急管理局", "县审计局", "县市场监督管理局", "县统计局", "县医疗保障局", "县林业局",
			"县综合行政执法局", "县信访局", "县机关事务管理中心", "县大数据发展管理中心", "县行政服务中心", "县投资促进中心",
			"县住房公积金管理中心", "县供销合作社", "县总工会", "团县委", "县妇联", "县科协", "县残联", "县工商联", "县文联",
			"县红十字会", "县档案馆", "县融媒体中心", "县税务局", "县人民法院", "县人民检察院", "县消防救援大队", "县气象局",
			"县邮政管理局", "县烟草专卖局", "县电力公司", "县国家安全局", "县人民武装部", "县人防办", "县地方志办公室",
			"县社会治理中心", "县农业科学研究所", "县水文站", "县公路与运输管理中心", "县粮食收储中心", "县乡村振兴服务中心");

	static final List<String> SCHOOLS = List.of("县中学", "县第二中学", "县实验中学", "县职业中等专业学校", "县实验小学",
			"县城东小学", "县城西小学", "县城北小学", "县东方中学", "县壶溪中学", "县外国语学校", "县新碧中学", "县第三中学",
			"县实验幼儿园", "县城东幼儿园", "县特殊教育学校", "县教师发展中心", "县青少年活动中心", "县工贸学校", "县华侨中学");

	static final List<String> HOSPITALS = List.of("县人民医院", "县中医医院", "县第二人民医院", "县妇幼保健院",
			"县疾病预防控制中心", "县精神卫生中心", "县急救中心", "县卫生监督所", "县血站", "县康复医院");

	static final List<String> STATE_ENTERPRISES = List.of("县城市建设投资集团", "县交通投资集团", "县水务集团",
			"县国有资本运营公司", "县旅游发展集团", "县农村商业银行", "县粮食购销公司", "县文化旅游投资公司",
			"县公共交通公司", "县自来水公司", "县供销集团", "县保安服务公司");

	static final String COMPANY_FIRST = "恒宏华鑫永泰金利丰瑞盛达兴隆博远天成新源宝嘉";
	static final List<String> COMPANY_TRADES = List.of("机械", "五金", "电器", "纺织", "食品", "茶业", "农业开发",
			"竹木制品", "汽车配件", "新材料", "电子", "建材", "物流", "光伏科技", "医疗器械", "服饰", "工贸", "环保科技");

	static final List<String> SOCIAL_ORGANIZATIONS = List.of("县志愿者协会", "县律师协会", "县会计师协会",
			"县慈善总会", "县社会工作者协会", "县个体劳动者协会", "县民宿行业协会", "县电子商务协会", "县茶叶产业协会",
			"县红色讲师团", "县老年体育协会", "县新阶层人士联谊会");

	static final List<String> KEY_PROJECTS = List.of("高速公路建设项目", "城区有机更新", "水库除险加固工程",
			"高铁站综合枢纽建设", "未来社区建设", "工业园区扩容提升", "乡村振兴示范带建设", "防汛抗台应急");

	static final List<String> MOBILE_CITIES = List.of("杭州", "上海", "宁波", "温州", "深圳", "苏州");
	static final List<String> MOBILE_DESTINATIONS = List.of("浙江省杭州市", "上海市", "浙江省宁波市", "浙江省温州市",
			"广东省深圳市", "江苏省苏州市", "浙江省义乌市", "广东省广州市", "北京市", "福建省厦门市", "浙江省金华市",
			"江苏省南京市");

	/** Surnames in roughly descending frequency (with 缙云's 应, 吕, 樊, 楼 moved up). */
	static final String SURNAMES = "李王陈朱吕应张刘杜潘丁樊楼周吴徐赵孙胡郑黄杨何林金叶郭马罗梁宋谢韩唐冯于董萧程曹"
			+ "袁邓许傅沈曾彭蒋蔡贾丁魏薛阎余苏卢姜崔钟谭陆汪范廖石姚方邹熊孟秦江尹章施虞麻陶俞任钱严柳季鲍";
	static final String MALE_GIVEN = "伟强军明华建国平志勇杰涛斌超亮刚辉林峰磊鹏飞文俊海东波宇浩龙忠福德成祥春荣兴旭晨阳金永新立正良庆宏昌松根水土";
	static final String FEMALE_GIVEN = "芳娟敏静丽燕艳玲霞红梅英兰琴萍慧婷雪琳洁秀莉颖倩佳欣悦月珍凤桂云彩晶瑶思雨萱怡素";

	static final String[] ORDINALS = { "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二",
			"十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十" };

	static String ordinal(int oneBased) {
		return oneBased <= ORDINALS.length ? ORDINALS[oneBased - 1] : Integer.toString(oneBased);
	}

	/** Area codes of ID numbers: the county itself, and places members were born in before moving here. */
	static final String COUNTY_AREA = "331122";
	static final List<String> OTHER_AREAS = List.of("331102", "331121", "331124", "330784", "330106", "530621",
			"431123", "330327");

	static final String[] MOBILE_PREFIXES = { "130", "131", "133", "135", "136", "137", "138", "139", "150", "151",
			"152", "157", "158", "159", "177", "180", "182", "187", "188", "189", "199" };
}
