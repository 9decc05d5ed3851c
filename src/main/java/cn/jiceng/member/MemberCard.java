package cn.jiceng.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.organization.OrganizationService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;

/**
 * A member's card ({@code member/detail}): the member, transfers and mobility, with the transfer and mobility forms.
 * Shared by the card's own page and the transfer and mobility handlers, which show it again with their errors.
 */
@Component
class MemberCard {

	private final MemberService members;
	private final OrganizationService organizations;
	private final DataScope scope;
	private final Clock clock;

	MemberCard(MemberService members, OrganizationService organizations, DataScope scope, Clock clock) {
		this.members = members;
		this.organizations = organizations;
		this.scope = scope;
		this.clock = clock;
	}

	/** Renders the card; a form the model does not hold yet (the one not being submitted) starts empty. */
	String render(long memberId, Model model) {
		if (!model.containsAttribute("transferForm")) {
			model.addAttribute("transferForm", new TransferForm(LocalDate.now(clock).toString()));
		}
		if (!model.containsAttribute("mobilityForm")) {
			model.addAttribute("mobilityForm", new MobilityForm());
		}
		MemberView m = members.get(memberId);
		model.addAttribute("m", m);
		model.addAttribute("transfers", members.transfers(memberId));
		model.addAttribute("mobility", members.mobility(memberId));
		model.addAttribute("today", LocalDate.now(clock).toString());
		boolean editor = MemberService.ROSTER_EDITORS.contains(scope.current().caller().role());
		model.addAttribute("canEdit", editor);
		if (editor && m.status().onRoll()) {
			model.addAttribute("branches", organizations.branchesInSubtree(scope.current().caller().organizationId())
				.stream()
				.filter(b -> !Long.toString(b.id()).equals(m.organizationId()))
				.toList());
		}
		return "member/detail";
	}

	/** The service's problems on the card's form fields, the rest above the form. */
	static void reject(BindingResult errors, InvalidInputException e, Set<String> fields) {
		if (e.errors().isEmpty()) {
			errors.reject("invalid", e.getMessage());
		}
		for (FieldProblem p : e.errors()) {
			if (fields.contains(p.field())) {
				errors.rejectValue(p.field(), "invalid", p.message());
			}
			else {
				errors.reject("invalid", p.message());
			}
		}
	}
}
