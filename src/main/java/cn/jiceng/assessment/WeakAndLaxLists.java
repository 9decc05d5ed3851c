package cn.jiceng.assessment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Whether an organization is on a year's weak-and-lax list, asking every {@link WeakAndLaxList} bean (none → no). */
@Component
class WeakAndLaxLists {

	private final ObjectProvider<WeakAndLaxList> lists;

	WeakAndLaxLists(ObjectProvider<WeakAndLaxList> lists) {
		this.lists = lists;
	}

	boolean isListed(long organizationId, int year) {
		return lists.orderedStream().anyMatch(l -> l.isListed(organizationId, year));
	}
}
