package cn.jiceng.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static cn.jiceng.common.FormInput.blankToNull;

/** Account list and the form to open an account, limited to roles the caller may grant. */
@Controller
class AccountPages {

	private static final Set<String> FORM_FIELDS = Set.of("username", "password", "role", "organizationId", "memberId");

	private final AccountService accounts;
	private final DataScope scope;
	private final OrgNavigation navigation;

	AccountPages(AccountService accounts, DataScope scope, OrgNavigation navigation) {
		this.accounts = accounts;
		this.scope = scope;
		this.navigation = navigation;
	}

	public record Option(String id, String label) {
	}

	public record Row(AccountService.AccountView account, String roleLabel) {
	}

	public static class AccountForm {

		private String username;
		private String password;
		private String role;
		private String organizationId;
		private String memberId;

		public String getUsername() {
			return username;
		}

		public void setUsername(String username) {
			this.username = username;
		}

		public String getPassword() {
			return password;
		}

		public void setPassword(String password) {
			this.password = password;
		}

		public String getRole() {
			return role;
		}

		public void setRole(String role) {
			this.role = role;
		}

		public String getOrganizationId() {
			return organizationId;
		}

		public void setOrganizationId(String organizationId) {
			this.organizationId = organizationId;
		}

		public String getMemberId() {
			return memberId;
		}

		public void setMemberId(String memberId) {
			this.memberId = memberId;
		}
	}

	@GetMapping("/accounts")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String memberId,
			@RequestParam(required = false) String organizationId, @RequestParam(required = false) String role,
			Model model) {
		AccountForm form = new AccountForm();
		form.setMemberId(memberId);
		form.setOrganizationId(organizationId);
		form.setRole(role);
		model.addAttribute("form", form);
		// opened from a member's card: show the form straight away
		model.addAttribute("openForm", memberId != null);
		return page(page, model);
	}

	@PostMapping("/accounts")
	String create(@ModelAttribute("form") AccountForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		try {
			var created = accounts.create(new AccountService.NewAccount(form.getUsername(), form.getPassword(),
					blankToNull(form.getRole()), blankToNull(form.getOrganizationId()), blankToNull(form.getMemberId())));
			redirect.addFlashAttribute("flash", "已创建账号 " + created.username());
			return "redirect:/accounts";
		}
		catch (InvalidInputException e) {
			for (FieldProblem p : e.errors()) {
				String message = p.field().equals("role") && blankToNull(form.getRole()) == null ? "请选择角色" : p.message();
				if (FORM_FIELDS.contains(p.field())) {
					errors.rejectValue(p.field(), "invalid", message);
				}
				else {
					errors.reject("invalid", message);
				}
			}
			res.setStatus(400);
		}
		catch (ConflictException e) {
			// the only conflict is a taken user name
			errors.rejectValue("username", "taken", e.getMessage());
			res.setStatus(409);
		}
		// a password is never sent back to the browser
		form.setPassword("");
		model.addAttribute("openForm", true);
		return page(0, model);
	}

	private String page(Integer page, Model model) {
		PageResult<AccountService.AccountView> result = accounts.list(PageRequest.of(page, 20));
		model.addAttribute("result", result.map(a -> new Row(a, roleLabel(a.role()))));
		model.addAttribute("base", "/accounts");
		Role mine = scope.current().caller().role();
		model.addAttribute("roles", Arrays.stream(Role.values())
			.filter(mine::canGrant)
			.sorted(Comparator.comparingInt(Role::rank).reversed())
			.toList());
		model.addAttribute("organizations", organizationsInScope());
		return "account/list";
	}

	/** Every organization the caller may place an account in, indented in tree order. */
	private List<Option> organizationsInScope() {
		return navigation.optionsInScope(List.of(), null).stream().map(o -> new Option(o.id(), o.label())).toList();
	}

	private static String roleLabel(String code) {
		try {
			return Role.valueOf(code).label();
		}
		catch (IllegalArgumentException e) {
			return code;
		}
	}

	/** How account changes read in the history. */
	@Component
	static class Labels implements AuditLabels {

		private final OrganizationService organizations;

		Labels(OrganizationService organizations) {
			this.organizations = organizations;
		}

		@Override
		public String entityType() {
			return "Account";
		}

		@Override
		public String entityLabel() {
			return "账号";
		}

		@Override
		public Map<String, String> fieldLabels() {
			return Map.of("username", "用户名", "role", "角色", "organizationId", "所属党组织", "memberId", "关联党员编号");
		}

		@Override
		public String value(String field, String value) {
			if (field.equals("organizationId")) {
				try {
					return organizations.ref(Long.parseLong(value)).map(o -> o.name() + "（#" + value + "）").orElse(value);
				}
				catch (NumberFormatException e) {
					return value;
				}
			}
			return field.equals("role") ? roleLabel(value) : value;
		}
	}
}
