package cn.jiceng.platform;

import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.jiceng.common.FieldProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The servlet container's error page: reached by errors that no handler answered (unknown paths, failed multipart
 * parsing, a refused filter). An /api request gets problem+json, a page the Chinese error page.
 */
@Controller
class ProblemErrorController implements ErrorController {

	/** A filter that refuses a request with sendError puts its Chinese message and field problems here. */
	static final String MESSAGE = ProblemErrorController.class.getName() + ".message";
	static final String ERRORS = ProblemErrorController.class.getName() + ".errors";

	@RequestMapping("${server.error.path:/error}")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : 500;
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String message = (String) request.getAttribute(MESSAGE);
		response.setStatus(status);
		if (ApiProblems.isApi(uri)) {
			@SuppressWarnings("unchecked")
			List<FieldProblem> errors = (List<FieldProblem>) request.getAttribute(ERRORS);
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			response.getWriter().write(ApiProblems.json(status, ApiProblems.title(status),
					message != null ? message : ApiProblems.detail(status), errors));
			return null;
		}
		ModelAndView page = new ModelAndView("error");
		page.addObject("status", status);
		page.addObject("message", message);
		return page;
	}
}
