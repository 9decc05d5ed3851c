package cn.jiceng.masswork;

import cn.jiceng.common.InvalidInputException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;

/**
 * Which organizations are villages for 四议两公开 and the "135" records: a village (RURAL) or community party
 * organization below a township (at least three levels down the tree: county, township, village), not a group.
 */
final class Villages {

	private Villages() {
	}

	static boolean isVillage(OrgRef org) {
		return org.field().isVillageOrCommunity() && org.kind() != OrgKind.GROUP && depth(org.path()) >= 3;
	}

	static void requireVillage(OrgRef org, String what) {
		if (!isVillage(org)) {
			throw InvalidInputException.of("organizationId", what + "以村（社区）党组织为单位，“" + org.name() + "”不是村（社区）党组织");
		}
	}

	/** SQL over an organization alias: the same rule ({@code depth} is 0 at the county's root). */
	static String sqlIsVillage(String alias) {
		return alias + ".field IN ('RURAL', 'COMMUNITY') AND " + alias + ".kind <> 'GROUP' AND " + alias + ".depth >= 2";
	}

	private static int depth(String path) {
		int n = 0;
		for (String part : path.split("/")) {
			if (!part.isEmpty()) {
				n++;
			}
		}
		return n;
	}
}
