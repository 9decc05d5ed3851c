package cn.jiceng.organization;

/** What other modules need to know about an organization: kind, field, place in the tree. */
public record OrgRef(long id, String name, OrgKind kind, Field field, Long parentId, String path, long countyId) {

	public boolean isBranch() {
		return kind == OrgKind.BRANCH;
	}
}
