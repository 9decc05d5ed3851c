package cn.jiceng.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;

/**
 * Contact assignments (挂联包帮, SPEC.md §4.8, API.md): which organizations each kind targets, the yearly duties from
 * the {@code contactDuties} setting ("&lt;kind&gt;.&lt;activity&gt;" → count), and effectiveness — every duty met by the
 * year's end, unknown (null) while the year runs. Plain Java.
 */
final class ContactDutyPolicy {

	private ContactDutyPolicy() {
	}

	/** What the target must be: a township for a county leader, a village for the department and first secretary. */
	record Target(OrgKind kind, Field field, boolean township) {
	}

	/** Why the organization cannot be this kind's target, or null. */
	static String targetRefusal(ContactKind kind, Target target) {
		return switch (kind) {
			case LEADER_TO_TOWNSHIP -> target.township() ? null : "县领导联系的对象应为乡镇（街道）党组织";
			case DEPARTMENT_TO_VILLAGE, FIRST_SECRETARY_TO_VILLAGE -> isVillage(target) ? null
					: "包村、驻村的对象应为村（社区）党组织";
			case TOWNSHIP_MEMBER_TO_BRANCH -> target.kind() == OrgKind.BRANCH ? null : "乡镇班子成员联系的对象应为党支部";
		};
	}

	static boolean isVillage(Target target) {
		return !target.township() && target.kind() != OrgKind.GROUP && target.field().isVillageOrCommunity();
	}

	/** The yearly counts of a kind, in activity order; activities a kind does not owe are left out. */
	static Map<ContactActivityKind, Integer> duties(ContactKind kind, Map<String, Integer> setting) {
		Map<ContactActivityKind, Integer> duties = new LinkedHashMap<>();
		for (ContactActivityKind activity : ContactActivityKind.values()) {
			Integer n = setting.get(kind.name() + "." + activity.name());
			if (n != null && n > 0) {
				duties.put(activity, n);
			}
		}
		return duties;
	}

	/** Every duty met, once the year has ended; null while it runs. */
	static Boolean effective(Map<ContactActivityKind, Integer> required, Map<ContactActivityKind, Integer> done,
			boolean yearEnded) {
		if (!yearEnded) {
			return null;
		}
		return required.entrySet().stream().allMatch(e -> done.getOrDefault(e.getKey(), 0) >= e.getValue());
	}
}
