package cn.jiceng.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB 3304-1991 民族 codes: the 56 ethnic groups in the standard's order, plus 97 其他 and 98 外国血统中国籍人士
 * (some systems wrongly use 57/58; RULES.md §9.2). Constant names follow the standard's romanization.
 */
public enum Ethnicity {
	HAN("01", "汉族"),
	MONGOL("02", "蒙古族"),
	HUI("03", "回族"),
	ZANG("04", "藏族"),
	UYGUR("05", "维吾尔族"),
	MIAO("06", "苗族"),
	YI("07", "彝族"),
	ZHUANG("08", "壮族"),
	BUYEI("09", "布依族"),
	CHOSEN("10", "朝鲜族"),
	MAN("11", "满族"),
	DONG("12", "侗族"),
	YAO("13", "瑶族"),
	BAI("14", "白族"),
	TUJIA("15", "土家族"),
	HANI("16", "哈尼族"),
	KAZAK("17", "哈萨克族"),
	DAI("18", "傣族"),
	LI("19", "黎族"),
	LISU("20", "傈僳族"),
	VA("21", "佤族"),
	SHE("22", "畲族"),
	GAOSHAN("23", "高山族"),
	LAHU("24", "拉祜族"),
	SUI("25", "水族"),
	DONGXIANG("26", "东乡族"),
	NAXI("27", "纳西族"),
	JINGPO("28", "景颇族"),
	KIRGIZ("29", "柯尔克孜族"),
	TU("30", "土族"),
	DAUR("31", "达斡尔族"),
	MULAO("32", "仫佬族"),
	QIANG("33", "羌族"),
	BLANG("34", "布朗族"),
	SALAR("35", "撒拉族"),
	MAONAN("36", "毛南族"),
	GELAO("37", "仡佬族"),
	XIBE("38", "锡伯族"),
	ACHANG("39", "阿昌族"),
	PUMI("40", "普米族"),
	TAJIK("41", "塔吉克族"),
	NU("42", "怒族"),
	UZBEK("43", "乌孜别克族"),
	RUSS("44", "俄罗斯族"),
	EWENKI("45", "鄂温克族"),
	DEANG("46", "德昂族"),
	BONAN("47", "保安族"),
	YUGUR("48", "裕固族"),
	GIN("49", "京族"),
	TATAR("50", "塔塔尔族"),
	DERUNG("51", "独龙族"),
	OROQEN("52", "鄂伦春族"),
	HEZHEN("53", "赫哲族"),
	MONBA("54", "门巴族"),
	LHOBA("55", "珞巴族"),
	JINO("56", "基诺族"),
	OTHER("97", "其他"),
	FOREIGN_ORIGIN("98", "外国血统中国籍人士");

	private static final List<Ethnicity> ALL = List.of(values());
	private static final Map<String, Ethnicity> BY_CODE = new HashMap<>();
	private static final Map<String, Ethnicity> BY_NAME = new HashMap<>();

	static {
		for (Ethnicity e : ALL) {
			BY_CODE.put(e.code, e);
			BY_NAME.put(e.label, e);
			// People often write the short form (汉, 土家); every full label ends in 族 except 97/98.
			if (e.label.endsWith("族")) {
				BY_NAME.put(e.label.substring(0, e.label.length() - 1), e);
			}
		}
		// Former names still found in old records: 崩龙族 until 1985, 毛难族 until 1986, 僮族 until 1965.
		alias("崩龙族", DEANG);
		alias("毛难族", MAONAN);
		alias("僮族", ZHUANG);
	}

	private final String code;
	private final String label;

	Ethnicity(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	/** Also accepts a one-digit code ("1"), because spreadsheets drop the leading zero. */
	public static Optional<Ethnicity> byCode(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String c = code.strip();
		if (c.length() == 1) {
			c = "0" + c;
		}
		return Optional.ofNullable(BY_CODE.get(c));
	}

	/** Accepts the full name (汉族), the short form (汉) and a few former names (崩龙族). */
	public static Optional<Ethnicity> byName(String name) {
		return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.strip()));
	}

	public static List<Ethnicity> all() {
		return ALL;
	}

	private static void alias(String formerName, Ethnicity e) {
		BY_NAME.put(formerName, e);
		BY_NAME.put(formerName.substring(0, formerName.length() - 1), e);
	}
}
