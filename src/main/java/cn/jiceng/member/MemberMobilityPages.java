package cn.jiceng.member;

import static cn.jiceng.common.FormInput.parseDate;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mobility form of a member's card and the button that ends a stay away. */
@Controller
class MemberMobilityPages {

	private final MemberService members;
	private final MemberCard card;

	MemberMobilityPages(MemberService members, MemberCard card) {
		this.members = members;
		this.card = card;
	}

	@PostMapping("/members/{id}/mobility")
	String addMobility(@PathVariable String id, @ModelAttribute("mobilityForm") MobilityForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		long memberId = Ids.parse(id, "党员");
		LocalDate start = parseDate(form.getStartedOn(), "startedOn", errors);
		LocalDate end = parseDate(form.getEndedOn(), "endedOn", errors);
		if (!errors.hasErrors()) {
			try {
				members.addMobility(memberId, form.getDestination(), start, end);
				redirect.addFlashAttribute("flash", "已登记流动信息");
				return "redirect:/members/" + memberId;
			}
			catch (InvalidInputException e) {
				MemberCard.reject(errors, e, Set.of("destination", "startedOn", "endedOn"));
			}
			catch (RuleViolationException e) {
				model.addAttribute("alert", e.getMessage());
				res.setStatus(422);
				model.addAttribute("openForm", "mobility");
				return card.render(memberId, model);
			}
		}
		res.setStatus(400);
		model.addAttribute("openForm", "mobility");
		return card.render(memberId, model);
	}

	@PostMapping("/members/{id}/mobility/{mobilityId}/end")
	String endMobility(@PathVariable String id, @PathVariable String mobilityId,
			@RequestParam(required = false) String endedOn, RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		LocalDate end = null;
		try {
			end = endedOn == null || endedOn.isBlank() ? null : LocalDate.parse(endedOn.trim());
		}
		catch (DateTimeParseException e) {
			// reported as a missing date below
		}
		try {
			members.endMobility(memberId, Ids.parse(mobilityId, "流动记录"), end);
			redirect.addFlashAttribute("flash", "已结束流动");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("alert",
					e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		return "redirect:/members/" + memberId;
	}
}
