package cn.jiceng.orglife;

import cn.jiceng.settings.RuleSettings;

/** Defaults with one rule number changed, so tests show that the rules read their numbers from settings. */
final class TestSettings {

	private TestSettings() {
	}

	static RuleSettings with(String setting, Object value) {
		return RuleSettings.defaults().with(setting, value);
	}
}
