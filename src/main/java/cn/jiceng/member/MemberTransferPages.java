package cn.jiceng.member;

import static cn.jiceng.common.FormInput.parseDate;

import java.time.LocalDate;
import java.util.Set;

import cn.jiceng.common.ConflictException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The transfer form of a member's card: a refused transfer shows the card again with the reason. */
@Controller
class MemberTransferPages {

	private final MemberService members;
	private final MemberCard card;

	MemberTransferPages(MemberService members, MemberCard card) {
		this.members = members;
		this.card = card;
	}

	@PostMapping("/members/{id}/transfers")
	String transfer(@PathVariable String id, @ModelAttribute("transferForm") TransferForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		long memberId = Ids.parse(id, "党员");
		LocalDate on = parseDate(form.getTransferredOn(), "transferredOn", errors);
		Long to = null;
		try {
			to = Ids.parseOptional(form.getToOrganizationId(), "toOrganizationId", "党支部");
		}
		catch (InvalidInputException e) {
			MemberCard.reject(errors, e, Set.of("toOrganizationId"));
		}
		if (!errors.hasErrors()) {
			try {
				members.transfer(memberId, to, on);
				redirect.addFlashAttribute("flash", "已办理组织关系转接");
				return "redirect:/members/" + memberId;
			}
			catch (InvalidInputException e) {
				MemberCard.reject(errors, e, Set.of("toOrganizationId", "transferredOn"));
			}
			catch (RuleViolationException | ConflictException e) {
				model.addAttribute("alert", e.getMessage());
				res.setStatus(e instanceof ConflictException ? 409 : 422);
				return card.render(memberId, model);
			}
		}
		res.setStatus(400);
		model.addAttribute("openForm", "transfer");
		return card.render(memberId, model);
	}
}
