package cn.jiceng.settings;

import java.util.List;

/**
 * What a proposed change of a county-year's settings would change in results already computed (members whose
 * grade or warning changes…). Implemented by the modules that compute from settings; the settings page asks all
 * of them before a change is saved. Settings cannot depend on those modules, so they come to it.
 */
public interface SettingsConsequences {

	/** Sentences for people, empty when the change leaves this module's results as they are. */
	List<String> of(long countyId, int year, RuleSettings current, RuleSettings proposed);
}
