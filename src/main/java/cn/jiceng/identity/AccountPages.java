package cn.jiceng.identity;

import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.member.MemberService;
import cn.jiceng.member.Members;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.jiceng.common.FormInput.blankToNull;

/**
 * Account management: the list with search and paging, the form to open an account (the member picked by name),
 * an account's page to reset its password, change its role, organization or member, and disable or enable it,
 * and the caller's own password page.
 */
@Controller
class AccountPages {

	private static final Set<String> FORM_FIELDS = Set.of("username", "password", "role", "organizationId", "memberId");

	private final AccountService accounts;
	private final AccountAdminService admin;
	private final MemberService memberService;
	private final DataScope scope;
	private final OrgNavigation navigation;

	AccountPages(AccountService accounts, AccountAdminService admin, MemberService memberService, DataScope scope,
			OrgNavigation navigation) {
		this.accounts = accounts;
		this.admin = admin;
		this.memberService = memberService;
		this.scope = scope;
		this.navigation = navigation;
	}

	public record Option(String id, String label) {
	}

	public static class AccountForm {

		private String username;
		private String password;
		private String role;
		private String organizationId;
		private String memberId;
		private String memberName;

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

		public String getMemberName() {
			return memberName;
		}

		public void setMemberName(String memberName) {
			this.memberName = memberName;
		}
	}

	@GetMapping("/accounts")
	String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) String memberId,
			@RequestParam(required = false) String organizationId, @RequestParam(required = false) String role,
			@RequestParam(required = false) String q, @RequestParam(required = false) String filterRole,
			@RequestParam(required = false) String status, Model model) {
		AccountForm form = new AccountForm();
		String chosen = blankToNull(memberId);
		if (chosen != null) {
			// opened from a member's card: the member is named, never shown as a number
			try {
				var m = memberService.get(Ids.parse(chosen, "党员"));
				form.setMemberId(m.id());
				form.setMemberName(m.name() + "（" + m.organizationName() + "）");
				if (organizationId == null) {
					organizationId = m.organizationId();
				}
			}
			catch (RuntimeException e) {
				// not in scope: the form opens without a member
			}
		}
		form.setOrganizationId(organizationId);
		form.setRole(role);
		model.addAttribute("form", form);
		// opened from a member's card: show the form straight away
		model.addAttribute("openForm", chosen != null);
		return page(page, q, filterRole, status, model);
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
		catch (ForbiddenException e) {
			errors.reject("forbidden", e.getMessage());
			res.setStatus(403);
		}
		// a password is never sent back to the browser
		form.setPassword("");
		model.addAttribute("openForm", true);
		return page(0, null, null, null, model);
	}

	private String page(Integer page, String q, String filterRole, String status, Model model) {
		PageResult<AccountAdminService.AccountDetail> result = admin
			.list(new AccountAdminService.AccountFilter(q, blankToNull(filterRole), blankToNull(status)), PageRequest.of(page, 20));
		model.addAttribute("result", result);
		model.addAttribute("q", q == null ? "" : q.trim());
		model.addAttribute("filterRole", filterRole == null ? "" : filterRole);
		model.addAttribute("status", status == null ? "" : status);
		model.addAttribute("base", UriComponentsBuilder.fromPath("/accounts")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(blankToNull(q)))
			.queryParamIfPresent("filterRole", java.util.Optional.ofNullable(blankToNull(filterRole)))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(blankToNull(status)))
			.encode()
			.build()
			.toUriString());
		Role mine = scope.current().caller().role();
		model.addAttribute("allRoles", Arrays.stream(Role.values())
			.sorted(Comparator.comparingInt(Role::rank).reversed())
			.toList());
		model.addAttribute("roles", Arrays.stream(Role.values())
			.filter(r -> AccountCreationPolicy.create(mine, r).allowed())
			.sorted(Comparator.comparingInt(Role::rank).reversed())
			.toList());
		model.addAttribute("organizations", organizationsInScope());
		return "account/list";
	}

	/** htmx: members in the caller's scope whose name contains the text, to bind an account to. */
	@GetMapping("/accounts/members")
	String memberOptions(@RequestParam(required = false) String q, @RequestParam(required = false) String memberName,
			Model model) {
		// the form's search box is named memberName so what was typed comes back with the form
		String text = q != null ? q.trim() : memberName == null ? "" : memberName.trim();
		List<Option> choices = text.isEmpty() ? List.of()
				: memberService.list(new MemberService.MemberFilter(null, true, text, null, null), PageRequest.of(0, 20))
					.items()
					.stream()
					.map(m -> new Option(m.id(), m.name() + "（" + m.organizationName() + "）"))
					.toList();
		model.addAttribute("choices", choices);
		model.addAttribute("query", text);
		model.addAttribute("memberId", null);
		return "account/member-pick :: options";
	}

	@GetMapping("/accounts/{id}")
	String detail(@PathVariable String id, Model model) {
		return detailPage(admin.get(Ids.parse(id, "账号")), model);
	}

	private String detailPage(AccountAdminService.AccountDetail account, Model model) {
		model.addAttribute("account", account);
		Map<String, AccountAdminPolicy.Verdict> can = new LinkedHashMap<>();
		admin.permissions(account).forEach((a, v) -> can.put(a.name(), v));
		model.addAttribute("can", can);
		model.addAttribute("roles", admin.grantableRoles(account));
		model.addAttribute("organizations", organizationsInScope());
		if (!model.containsAttribute("edit")) {
			Map<String, String> edit = new LinkedHashMap<>();
			edit.put("role", account.role());
			edit.put("organizationId", account.organizationId());
			edit.put("memberId", account.memberId());
			edit.put("memberName", account.memberName());
			model.addAttribute("edit", edit);
		}
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "account/detail";
	}

	@PostMapping("/accounts/{id}/edit")
	String edit(@PathVariable String id, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
			HttpServletResponse res) {
		long accountId = Ids.parse(id, "账号");
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", form.get("version"));
		body.put("role", blankToNull(form.get("role")));
		body.put("organizationId", blankToNull(form.get("organizationId")));
		body.put("memberId", blankToNull(form.get("memberId")));
		return change(accountId, body, form, model, redirect, res, "已保存账号的角色和所属党组织");
	}

	@PostMapping("/accounts/{id}/enabled")
	String enable(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		long accountId = Ids.parse(id, "账号");
		boolean enabled = "true".equals(form.get("enabled"));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("version", form.get("version"));
		body.put("enabled", enabled);
		return change(accountId, body, null, model, redirect, res,
				enabled ? "账号已启用" : "账号已停用，该账号的登录已全部结束");
	}

	private String change(long accountId, Map<String, Object> body, Map<String, String> typed, Model model,
			RedirectAttributes redirect, HttpServletResponse res, String done) {
		try {
			admin.patch(accountId, body);
			redirect.addFlashAttribute("flash", done);
			return "redirect:/accounts/" + accountId;
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
			model.addAttribute("errors", errors);
			res.setStatus(400);
		}
		catch (ConflictException e) {
			model.addAttribute("problem", e.getMessage());
			res.setStatus(409);
		}
		catch (ForbiddenException e) {
			model.addAttribute("problem", e.getMessage());
			res.setStatus(403);
		}
		if (typed != null) {
			// what was typed stays, under the version that was read
			Map<String, String> edit = new LinkedHashMap<>(typed);
			model.addAttribute("edit", edit);
		}
		AccountAdminService.AccountDetail now = admin.get(accountId);
		model.addAttribute("staleVersion", body.get("version"));
		return detailPage(now, model);
	}

	@PostMapping("/accounts/{id}/password-reset")
	String reset(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			HttpServletResponse res) {
		long accountId = Ids.parse(id, "账号");
		try {
			var reset = admin.resetPassword(accountId, Map.of("version", form.getOrDefault("version", "")));
			// shown once, on this page only: never put into a redirect, the session or the log
			model.addAttribute("temporaryPassword", reset.temporaryPassword());
		}
		catch (InvalidInputException | ConflictException | ForbiddenException e) {
			model.addAttribute("problem", e.getMessage());
			res.setStatus(e instanceof ConflictException ? 409 : e instanceof ForbiddenException ? 403 : 400);
		}
		res.setHeader("Cache-Control", "no-store");
		return detailPage(admin.get(accountId), model);
	}

	@GetMapping("/account/password")
	String ownPassword(@RequestParam(required = false) String required, Model model) {
		model.addAttribute("errors", Map.of());
		model.addAttribute("required", required != null);
		return "account/password";
	}

	@PostMapping("/account/password")
	String changeOwnPassword(@RequestParam Map<String, String> form, Model model, HttpServletResponse res) {
		String next = form.getOrDefault("newPassword", "");
		if (!next.equals(form.getOrDefault("confirmPassword", ""))) {
			model.addAttribute("errors", Map.of("confirmPassword", "两次输入的新密码不一致"));
			res.setStatus(400);
			return "account/password";
		}
		try {
			accounts.changeOwnPassword(new AccountService.PasswordChange(form.get("currentPassword"), next));
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(p -> errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
			model.addAttribute("errors", errors);
			res.setStatus(400);
			return "account/password";
		}
		// the change ended every session of the account, this one too: log in again with the new password
		return "redirect:/login?passwordChanged";
	}

	/** Every organization the caller may place an account in, indented in tree order. */
	private List<Option> organizationsInScope() {
		return navigation.optionsInScope(List.of(), null).stream().map(o -> new Option(o.id(), o.label())).toList();
	}

	static String roleLabel(String code) {
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
		private final Members members;
		private final JdbcClient jdbc;

		Labels(OrganizationService organizations, Members members, JdbcClient jdbc) {
			this.organizations = organizations;
			this.members = members;
			this.jdbc = jdbc;
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
			return Map.of("username", "用户名", "role", "角色", "organizationId", "所属党组织", "memberId", "关联党员",
					"enabled", "状态", "password", "密码", "activeTokens", "有效登录令牌", "createdBy", "创建人",
					"createdByAccountId", "创建人账号");
		}

		@Override
		public Set<String> hiddenFields() {
			// the creator's user name is recorded beside it
			return Set.of("createdByAccountId");
		}

		@Override
		public Map<String, String> actionLabels() {
			return Map.of("CHANGE_PASSWORD", "修改本人密码", "RESET_PASSWORD", "重置密码");
		}

		@Override
		public String value(String field, String value) {
			try {
				return switch (field) {
					case "organizationId" -> organizations.ref(Long.parseLong(value)).map(o -> o.name()).orElse("（已删除的组织）");
					case "memberId" -> members.nameOf(Long.parseLong(value)).orElse("（已删除的党员）");
					case "createdByAccountId" -> jdbc.sql("SELECT username FROM account WHERE id = :id")
						.param("id", Long.parseLong(value))
						.query(String.class)
						.optional()
						.orElse("（已删除的账号）");
					case "enabled" -> "true".equals(value) ? "启用" : "停用";
					case "role" -> roleLabel(value);
					default -> value;
				};
			}
			catch (NumberFormatException e) {
				return value;
			}
		}

		@Override
		public String link(String entityId) {
			return "/accounts/" + entityId;
		}

		@Override
		public String name(String entityId) {
			try {
				return jdbc.sql("SELECT username FROM account WHERE id = :id")
					.param("id", Long.parseLong(entityId))
					.query(String.class)
					.optional()
					.orElse(null);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
	}
}
