package cn.jiceng.organization;

import java.util.Arrays;
import java.util.List;

/** Kinds of party organization (SPEC.md §2). */
public enum OrgKind {
	COMMITTEE("基层党委"),
	GENERAL_BRANCH("党总支"),
	BRANCH("党支部"),
	GROUP("党小组");

	private final String label;

	OrgKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The placement rules of API.md: a committee holds anything but groups, a general branch holds branches,
	 * a branch holds groups, a group holds nothing. */
	public boolean canHold(OrgKind child) {
		return switch (this) {
			case COMMITTEE -> child != GROUP;
			case GENERAL_BRANCH -> child == BRANCH;
			case BRANCH -> child == GROUP;
			case GROUP -> false;
		};
	}

	/** The kinds that may be set up under this one, in tree order. */
	public List<OrgKind> childKinds() {
		return Arrays.stream(values()).filter(this::canHold).toList();
	}

	/** The kinds that may hold this one. */
	public List<OrgKind> parentKinds() {
		return Arrays.stream(values()).filter(p -> p.canHold(this)).toList();
	}
}
