package cn.jiceng.platform;

import java.util.ArrayDeque;
import java.util.Deque;

import cn.jiceng.common.TextRule;
import tools.jackson.core.JsonParser;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.stereotype.Component;

/**
 * Applies {@link TextRule} to every string of every JSON body (values, including those read into maps, and keys),
 * so a NUL or a lone surrogate is a 400 naming the field instead of a 500 from PostgreSQL or a stored "?".
 * Boot registers module beans with the application's JSON mapper.
 */
@Component
class TextInputModule extends SimpleModule {

	TextInputModule() {
		super("jiceng-text-input");
		addDeserializer(String.class, new CheckedStringDeserializer());
		addKeyDeserializer(String.class, new CheckedKeyDeserializer());
	}

	/** A string the text rule refuses, with the JSON path of its field ({@code attendance[0].memberId}). */
	static final class InvalidTextException extends DatabindException {

		private final String field;
		private final String reason;

		InvalidTextException(JsonParser p, String field, String reason) {
			super(p, field + reason);
			this.field = field;
			this.reason = reason;
		}

		String field() {
			return field;
		}

		String reason() {
			return reason;
		}
	}

	static final class CheckedStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser p, DeserializationContext ctxt) {
			String value = super.deserialize(p, ctxt);
			TextRule.problem(value).ifPresent(reason -> {
				throw new InvalidTextException(p, path(p.streamReadContext(), null), reason);
			});
			return value;
		}
	}

	static final class CheckedKeyDeserializer extends KeyDeserializer {

		@Override
		public Object deserializeKey(String key, DeserializationContext ctxt) {
			TextRule.problem(key).ifPresent(reason -> {
				JsonParser p = ctxt.getParser();
				throw new InvalidTextException(p, path(p == null ? null : p.streamReadContext(), "(名称)"), reason);
			});
			return key;
		}
	}

	/** "a.b[0].c" from the parser's position; {@code last} replaces the innermost name (for a key). */
	static String path(TokenStreamContext context, String last) {
		Deque<String> parts = new ArrayDeque<>();
		boolean innermost = true;
		for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
			if (c.inArray()) {
				parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
			}
			else if (c.inObject()) {
				String name = innermost && last != null ? last : c.currentName();
				parts.push("." + (name == null ? "" : name));
			}
			innermost = false;
		}
		String joined = String.join("", parts);
		return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "body" : joined;
	}
}
