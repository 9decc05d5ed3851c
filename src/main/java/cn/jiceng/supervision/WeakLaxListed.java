package cn.jiceng.supervision;

import cn.jiceng.assessment.WeakAndLaxList;

import org.springframework.stereotype.Component;

/**
 * The confirmed weak-and-lax list as the assessment module reads it (the stars cap, the commendation reason): an
 * organization is listed for a year while it is on that year's list, whatever its stage — closing (销号) ends the
 * rectification, not the fact that the organization was weak and lax that year.
 */
@Component
class WeakLaxListed implements WeakAndLaxList {

	private final WeakLaxService weakLax;

	WeakLaxListed(WeakLaxService weakLax) {
		this.weakLax = weakLax;
	}

	@Override
	public boolean isListed(long organizationId, int year) {
		return weakLax.isListed(organizationId, year);
	}
}
