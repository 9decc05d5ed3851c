package cn.jiceng.web;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Adds the logged-in account to every page and turns refusals into a Chinese error page. */
@ControllerAdvice(annotations = Controller.class)
class PageModelAdvice {

	private final CurrentCaller currentCaller;
	private final OrganizationService organizations;

	PageModelAdvice(CurrentCaller currentCaller, OrganizationService organizations) {
		this.currentCaller = currentCaller;
		this.organizations = organizations;
	}

	@ModelAttribute("me")
	PageUser me() {
		return currentCaller.find().map(this::pageUser).orElse(null);
	}

	private PageUser pageUser(Caller c) {
		String orgName = organizations.ref(c.organizationId()).map(OrgRef::name).orElse("");
		Role r = c.role();
		return new PageUser(c.username(), r.name(), r.label(), Long.toString(c.organizationId()), orgName,
				c.memberId() == null ? null : c.memberId().toString(),
				r == Role.COUNTY_ADMIN || r == Role.TOWNSHIP_ADMIN || r == Role.BRANCH_SECRETARY, r.isAdmin(),
				r == Role.COUNTY_ADMIN);
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, Model model, HttpServletResponse res) {
		return error(model, res, 404, e.getMessage());
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	String forbidden(RuntimeException e, Model model, HttpServletResponse res) {
		return error(model, res, 403, e.getMessage());
	}

	@ExceptionHandler({ RuleViolationException.class, ConflictException.class })
	String refused(RuntimeException e, Model model, HttpServletResponse res) {
		return error(model, res, e instanceof ConflictException ? 409 : 422, e.getMessage());
	}

	private static String error(Model model, HttpServletResponse res, int status, String message) {
		res.setStatus(status);
		model.addAttribute("status", status);
		model.addAttribute("message", message);
		return "error";
	}
}
