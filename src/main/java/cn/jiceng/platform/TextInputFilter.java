package cn.jiceng.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.TextRule;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.apache.tomcat.util.http.fileupload.InvalidFileNameException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link TextRule} to the text of every request that is not JSON: the path, query parameters, form fields
 * and the names of uploaded files ({@link TextInputModule} does JSON bodies). An /api request gets a problem+json
 * 400 naming the fields, a page the Chinese error page. Two stages of the one check: {@link BeforeSecurity} right
 * after the character encoding filter, so the login form is covered too; multipart bodies wait for
 * {@link AfterSecurity}, so nobody can make the server parse an upload before logging in.
 */
abstract class TextInputFilter extends OncePerRequestFilter {

	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE + 10)
	static final class BeforeSecurity extends TextInputFilter {

		@Override
		List<FieldProblem> problems(HttpServletRequest request) {
			return isMultipart(request) ? pathProblems(request) : parameterProblems(request, pathProblems(request));
		}
	}

	@Component
	@Order(0)
	static final class AfterSecurity extends TextInputFilter {

		@Override
		List<FieldProblem> problems(HttpServletRequest request) {
			return isMultipart(request) ? parameterProblems(request, new ArrayList<>()) : List.of();
		}
	}

	abstract List<FieldProblem> problems(HttpServletRequest request);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		List<FieldProblem> problems = problems(request);
		if (problems.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String detail = "输入含有不允许的字符：" + problems.get(0).field() + problems.get(0).message();
		if (ApiProblems.isApi(request.getRequestURI())) {
			response.setStatus(400);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(ApiProblems.json(400, "输入有误", detail, problems));
			return;
		}
		request.setAttribute(ProblemErrorController.MESSAGE, detail);
		request.setAttribute(ProblemErrorController.ERRORS, problems);
		response.sendError(400);
	}

	static boolean isMultipart(HttpServletRequest request) {
		String contentType = request.getContentType();
		return contentType != null && contentType.toLowerCase().startsWith("multipart/");
	}

	static List<FieldProblem> pathProblems(HttpServletRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
		TextRule.problem(path).ifPresent(reason -> problems.add(new FieldProblem("path", reason)));
		return problems;
	}

	static List<FieldProblem> parameterProblems(HttpServletRequest request, List<FieldProblem> problems) {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (InvalidFileNameException e) {
			// Tomcat refuses a NUL in an uploaded file's name while parsing the parts, before naming the part; every
			// upload of the API uses the part "file"
			problems.add(new FieldProblem("file", "文件名含有不允许的控制字符"));
			return problems;
		}
		for (Map.Entry<String, String[]> e : parameters.entrySet()) {
			String name = e.getKey();
			TextRule.problem(name).ifPresent(reason -> problems.add(new FieldProblem("(参数名)", reason)));
			for (String value : e.getValue()) {
				TextRule.problem(value).ifPresent(reason -> problems.add(new FieldProblem(safe(name), reason)));
			}
		}
		if (isMultipart(request)) {
			try {
				for (Part part : request.getParts()) {
					TextRule.problem(part.getSubmittedFileName())
						.ifPresent(reason -> problems.add(new FieldProblem(safe(part.getName()), "文件名" + reason)));
				}
			}
			catch (IOException | ServletException | IllegalStateException e) {
				// a body over the size limit or not multipart after all: Spring's multipart handling answers it
			}
		}
		return problems;
	}

	/** A field name that itself breaks the rule is not echoed back. */
	private static String safe(String name) {
		return name == null || TextRule.problem(name).isPresent() ? "(参数名)" : name;
	}
}
