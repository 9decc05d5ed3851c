package cn.jiceng.orglife;

import cn.jiceng.settings.RuleSettings;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/** Defaults with one rule number changed, so tests show that the rules read their numbers from settings. */
final class TestSettings {

	private TestSettings() {
	}

	static RuleSettings with(String component, Object value) {
		try {
			RuleSettings base = RuleSettings.defaults();
			RecordComponent[] components = RuleSettings.class.getRecordComponents();
			Object[] args = new Object[components.length];
			boolean found = false;
			for (int i = 0; i < components.length; i++) {
				if (components[i].getName().equals(component)) {
					args[i] = value;
					found = true;
				} else {
					args[i] = components[i].getAccessor().invoke(base);
				}
			}
			if (!found) {
				throw new IllegalArgumentException("no setting " + component);
			}
			Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
			Constructor<RuleSettings> constructor = RuleSettings.class.getDeclaredConstructor(types);
			return constructor.newInstance(args);
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException(e);
		}
	}
}
