package cn.jiceng.publicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.MemberCommitments;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of accessible study (私人定制法): the subtree's members with their needs and the quarter's delivery gaps,
 * one member's needs and deliveries, the study materials with their large-print PDF and dialect audio, the member's
 * own study page (我的学习), and the story photo upload.
 */
@Controller
class AccessibleStudyPages {

	static final int PAGE_SIZE = 20;

	private final AccessibleStudyService accessible;
	private final StudyMaterialService materials;
	private final StoryService stories;
	private final OrgNavigation navigation;
	private final OrganizationService organizations;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final ObjectProvider<MemberCommitments> commitments;
	private final Clock clock;

	AccessibleStudyPages(AccessibleStudyService accessible, StudyMaterialService materials, StoryService stories,
			OrgNavigation navigation, OrganizationService organizations, DataScope scope, JdbcClient jdbc,
			ObjectProvider<MemberCommitments> commitments, Clock clock) {
		this.accessible = accessible;
		this.materials = materials;
		this.stories = stories;
		this.navigation = navigation;
		this.organizations = organizations;
		this.scope = scope;
		this.jdbc = jdbc;
		this.commitments = commitments;
		this.clock = clock;
	}

	private static String problem(RuntimeException e) {
		if (e instanceof InvalidInputException i) {
			return i.errors().stream().map(FieldProblem::message).collect(Collectors.joining("；"));
		}
		return e.getMessage();
	}

	private AccessibleStudyPolicy.Quarter quarter(String text) {
		AccessibleStudyPolicy.Quarter q = AccessibleStudyPolicy.quarter(text);
		return q == null ? AccessibleStudyPolicy.quarterOf(LocalDate.now(clock)) : q;
	}

	/** This quarter and the four before it, newest first. */
	private List<String> quarters() {
		List<String> out = new ArrayList<>();
		LocalDate day = LocalDate.now(clock);
		for (int i = 0; i < 5; i++) {
			out.add(AccessibleStudyPolicy.quarterOf(day.minusMonths(3L * i)).toString());
		}
		return out;
	}

	private OrgRef orgPage(Model model, long orgId) {
		scope.requireOrganization(orgId);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		model.addAttribute("org", org);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("options", navigation.optionsInScope(List.of(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH,
				OrgKind.BRANCH), null));
		model.addAttribute("today", LocalDate.now(clock).toString());
		return org;
	}

	// ---- the subtree's roster and the quarter's gaps -----------------------------------------------------------

	@GetMapping("/publicity/accessible")
	String roster(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String need, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrgRef org = orgPage(model, orgId);
		AccessibleStudyPolicy.Quarter qt = quarter(quarter);
		AccessibleStudyPolicy.Need n = AccessibleStudyPolicy.Need.of(need);
		String name = q == null ? "" : q.strip();
		AccessibleStudyService.Roster roster = accessible.roster(orgId, qt, n, name);
		PageResult<AccessibleStudyService.RosterRow> result = Lists.page(roster.rows(), page, PAGE_SIZE);
		model.addAttribute("roster", roster);
		model.addAttribute("result", result);
		model.addAttribute("quarter", qt.toString());
		model.addAttribute("quarters", quarters());
		model.addAttribute("need", n);
		model.addAttribute("needs", AccessibleStudyPolicy.Need.values());
		model.addAttribute("q", name);
		model.addAttribute("base", "/publicity/accessible?organizationId=" + org.id() + "&quarter=" + qt + "&need="
				+ n.name() + "&q=" + java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8));
		return "publicity/accessible";
	}

	@GetMapping("/publicity/accessible.xlsx")
	ResponseEntity<byte[]> rosterExcel(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String quarter, @RequestParam(required = false) String need,
			@RequestParam(required = false) String q) {
		long orgId = navigation.chosenOrOwn(organizationId);
		AccessibleStudyPolicy.Quarter qt = quarter(quarter);
		AccessibleStudyPolicy.Need n = AccessibleStudyPolicy.Need.of(need);
		AccessibleStudyService.Roster roster = accessible.roster(orgId, qt, n, q);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		List<List<Object>> rows = new ArrayList<>();
		for (AccessibleStudyService.RosterRow r : roster.rows()) {
			rows.add(List.of(r.name(), r.organizationName(), r.age(), r.largePrint() ? "是" : "", r.dialectAudio() ? "是" : "",
					r.homeDelivery() ? "是" : "", r.lastDeliveryOn() == null ? "" : r.lastDeliveryOn().toString(),
					r.homeDelivery() ? (r.deliveredInQuarter() ? "已送学" : "未送学") : ""));
		}
		return Workbooks.download(org.name() + qt + "送学上门（" + n.label() + "）.xlsx", qt + "送学上门",
				List.of("姓名", "所在党组织", "年龄", "大字版", "方言音频", "送学上门", "最近送学日期", qt + "送学情况"), rows);
	}

	// ---- one member ----------------------------------------------------------------------------------------------

	@GetMapping("/publicity/accessible/members/{id}")
	String member(@PathVariable String id, @RequestParam(required = false) String quarter, Model model) {
		long memberId = Ids.parse(id, "党员");
		AccessibleStudyService.MemberHead head = accessible.member(memberId);
		model.addAttribute("m", head);
		model.addAttribute("needs", accessible.getNeeds(memberId));
		model.addAttribute("quarter", quarter(quarter).toString());
		model.addAttribute("today", LocalDate.now(clock).toString());
		return "publicity/accessible-member";
	}

	@PostMapping("/publicity/accessible/members/{id}/needs")
	String saveNeeds(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		try {
			accessible.putNeeds(memberId, new AccessibleStudyService.NeedsInput(form.containsKey("largePrint"),
					form.containsKey("dialectAudio"), form.containsKey("homeDelivery")));
			redirect.addFlashAttribute("flash", "已保存学习需求");
		}
		catch (InvalidInputException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/accessible/members/" + memberId;
	}

	@PostMapping("/publicity/accessible/members/{id}/deliveries")
	String deliver(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		try {
			AccessibleStudyService.DeliveryView d = accessible.deliver(memberId, new AccessibleStudyService.DeliveryInput(
					form.get("on"), form.get("instructorMemberId"), form.get("note")));
			redirect.addFlashAttribute("flash", "已登记 " + d.on() + " 由 " + d.instructorName() + " 送学上门");
		}
		catch (InvalidInputException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/accessible/members/" + memberId;
	}

	public record InstructorChoice(String id, String label) {
	}

	/**
	 * Red instructors by a part of their name (ids are never typed): members of the served member's township (its
	 * agency members and village cadres are who 送学上门 in the reports) and of the caller's own subtree.
	 */
	@GetMapping("/publicity/accessible/instructors")
	String instructors(@RequestParam(required = false) String q, @RequestParam(required = false) String memberId,
			Model model) {
		String text = q == null ? "" : q.strip();
		List<InstructorChoice> choices = List.of();
		if (!text.isEmpty()) {
			var cond = scope.organizationCondition("o");
			String township = "-"; // no path: only the caller's subtree
			if (memberId != null && memberId.matches("\\d{1,19}")) {
				long served = Long.parseLong(memberId);
				scope.requireMember(served);
				township = jdbc.sql("""
						SELECT coalesce(t.path, o.path) FROM member m JOIN organization o ON o.id = m.organization_id
						LEFT JOIN organization t ON t.id = CAST(nullif(split_part(o.path, '/', 3), '') AS BIGINT)
						WHERE m.id = :m""")
					.param("m", served)
					.query(String.class)
					.single() + "%";
			}
			choices = jdbc.sql("SELECT m.id, m.name, o.name AS org FROM member m JOIN organization o ON o.id = m.organization_id"
					+ " WHERE (" + cond.sql() + " OR o.path LIKE :township)"
					+ " AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED') AND m.name LIKE :q"
					+ " ORDER BY m.name, o.path LIMIT 20")
				.params(cond.params())
				.param("township", township)
				.param("q", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
				.query((rs, i) -> new InstructorChoice(rs.getString("id"), rs.getString("name") + "（" + rs.getString("org") + "）"))
				.list();
		}
		model.addAttribute("choices", choices);
		model.addAttribute("query", text);
		return "publicity/accessible-member :: instructor-options";
	}

	// ---- study materials -----------------------------------------------------------------------------------------

	@GetMapping("/publicity/materials")
	String materials(@RequestParam(required = false) String organizationId, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		orgPage(model, orgId);
		List<StudyMaterialService.MaterialItem> items = materials.list(orgId).items();
		model.addAttribute("materials", items);
		// recordings are added where the material was published, so only to the caller's own subtree's materials
		model.addAttribute("writable", items.stream()
			.filter(i -> scope.coversOrganization(Long.parseLong(i.organizationId())))
			.map(StudyMaterialService.MaterialItem::id)
			.collect(Collectors.toSet()));
		model.addAttribute("maxAudioMb", StudyMaterialService.MAX_AUDIO_BYTES / 1024 / 1024);
		return "publicity/materials";
	}

	@PostMapping("/publicity/materials/{id}")
	String createMaterial(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			StudyMaterialService.MaterialView m = materials.create(orgId, new StudyMaterialService.MaterialInput(
					form.get("title"), form.get("text")));
			redirect.addFlashAttribute("flash", "已发布学习资料《" + m.title() + "》，可下载大字版或上传方言音频");
		}
		catch (InvalidInputException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/materials?organizationId=" + orgId;
	}

	@PostMapping("/publicity/materials/items/{id}/audio")
	String uploadAudio(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String dialect, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		long materialId = Ids.parse(id, "学习资料");
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要上传的方言音频");
			}
			try (InputStream in = file.getInputStream()) {
				StudyMaterialService.AudioView a = materials.upload(materialId, file.getOriginalFilename(), dialect,
						file.getSize(), in);
				redirect.addFlashAttribute("flash", "已上传" + a.dialect() + "音频：" + a.name());
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidInputException | ForbiddenException | EvidenceFiles.UnsupportedFileTypeException
				| EvidenceFiles.FileTooLargeException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		String target = back != null && back.matches("\\d{1,19}") ? back : materials.get(materialId).organizationId();
		return "redirect:/publicity/materials?organizationId=" + target;
	}

	// ---- the member's own page -----------------------------------------------------------------------------------

	public record MaterialRow(StudyMaterialService.MaterialItem item, boolean showPrint, boolean showAudio) {
	}

	@GetMapping("/publicity/me")
	String mine(Model model) {
		Caller caller = scope.current().caller();
		if (caller.memberId() == null) {
			return "redirect:/publicity/accessible";
		}
		long memberId = caller.memberId();
		AccessibleStudyService.NeedsView needs = accessible.getNeeds(memberId);
		// the formats the member needs; with none recorded, both are offered
		boolean any = needs.largePrint() || needs.dialectAudio();
		List<MaterialRow> rows = materials.forMember(memberId).stream()
			.map(i -> new MaterialRow(i, !any || needs.largePrint(), !any || needs.dialectAudio()))
			.toList();
		model.addAttribute("m", accessible.member(memberId));
		model.addAttribute("needs", needs);
		model.addAttribute("materials", rows);
		model.addAttribute("stories", stories.ofMembersBranch(memberId));
		MemberCommitments source = commitments.orderedStream().findFirst().orElse(null);
		model.addAttribute("commitments", source == null ? List.of() : source.of(memberId));
		return "publicity/me";
	}

	// ---- story photo ---------------------------------------------------------------------------------------------

	@PostMapping("/publicity/stories/{id}/photo")
	String storyPhoto(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		long storyId = Ids.parse(id, "故事");
		try {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要上传的照片");
			}
			try (InputStream in = file.getInputStream()) {
				StoryService.StoryView s = stories.photo(storyId, file.getContentType(), file.getSize(), in);
				redirect.addFlashAttribute("flash", "已上传《" + s.title() + "》的照片");
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (InvalidInputException | ForbiddenException | RuleViolationException | ConflictException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		StoryService.StoryView story = stories.get(storyId);
		String target = back != null && back.matches("\\d{1,19}") ? back : story.organizationId();
		return "redirect:/publicity/stories?organizationId=" + target + "&year=" + story.year();
	}
}
