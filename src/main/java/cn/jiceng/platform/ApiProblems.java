package cn.jiceng.platform;

import java.util.List;

import cn.jiceng.common.FieldProblem;

/**
 * Problem+json for errors answered outside Spring MVC's handlers (the error page, Tomcat's error report, servlet
 * filters), with the same Chinese wording as {@link ApiProblemHandler}. Written by hand because some of these
 * places have no message converter.
 */
final class ApiProblems {

	private ApiProblems() {
	}

	/** Whether the raw request URI is an API call (its errors are problem+json, pages get the HTML page). */
	static boolean isApi(String requestUri) {
		return requestUri != null && (requestUri.equals("/api") || requestUri.startsWith("/api/")
				|| requestUri.startsWith("/api;") || requestUri.startsWith("/api?"));
	}

	static String title(int status) {
		return switch (status) {
			case 400 -> "输入有误";
			case 401 -> "未认证";
			case 403 -> "无权操作";
			case 404 -> "未找到";
			case 405 -> "方法不允许";
			case 406 -> "格式不支持";
			case 409 -> "冲突";
			case 413 -> "文件过大";
			case 414, 431 -> "请求过长";
			case 415 -> "格式不支持";
			case 422 -> "不符合规定";
			default -> status >= 500 ? "系统错误" : "请求失败";
		};
	}

	static String detail(int status) {
		return switch (status) {
			case 400 -> "请求不正确（路径、参数或内容格式有误）";
			case 401 -> "请先登录并携带有效的访问令牌";
			case 403 -> "当前账号无权执行此操作";
			case 404 -> "接口不存在";
			case 405 -> "不支持的请求方法";
			case 406 -> "无法按所要求的格式答复";
			case 413 -> "上传内容超过大小限制";
			case 414, 431 -> "请求地址或请求头过长";
			case 415 -> "请求内容类型不受支持";
			default -> status >= 500 ? "系统内部错误，请稍后再试" : "请求未能完成";
		};
	}

	static String json(int status, String title, String detail, List<FieldProblem> errors) {
		StringBuilder sb = new StringBuilder(160);
		sb.append("{\"type\":\"about:blank\",\"title\":").append(quote(title)).append(",\"status\":").append(status)
			.append(",\"detail\":").append(quote(detail));
		if (errors != null && !errors.isEmpty()) {
			sb.append(",\"errors\":[");
			for (int i = 0; i < errors.size(); i++) {
				FieldProblem f = errors.get(i);
				sb.append(i == 0 ? "" : ",").append("{\"field\":").append(quote(f.field())).append(",\"message\":")
					.append(quote(f.message())).append('}');
			}
			sb.append(']');
		}
		return sb.append('}').toString();
	}

	static String quote(String s) {
		StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				default -> {
					if (c < 0x20 || Character.isSurrogate(c)) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		return sb.append('"').toString();
	}
}
