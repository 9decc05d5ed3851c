package cn.jiceng.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The path of the page being shown, for the menu's active entry. Thymeleaf 3.1 no longer exposes #request to
 * templates, so the layout reads it from the model instead.
 */
@ControllerAdvice(annotations = Controller.class)
class RequestPathAdvice {

	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		String path = request.getRequestURI();
		String context = request.getContextPath();
		return context != null && !context.isEmpty() && path.startsWith(context) ? path.substring(context.length()) : path;
	}
}
