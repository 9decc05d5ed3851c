package cn.jiceng.orglife;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;
import cn.jiceng.orglife.MeetingViews.AttendanceView;
import cn.jiceng.orglife.MeetingViews.MeetingPatch;
import cn.jiceng.orglife.MeetingViews.MeetingView;
import cn.jiceng.orglife.MeetingViews.RosterEntry;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Correcting or deleting a recorded meeting in the pages, under the version the secretary loaded: a change made
 * meanwhile by someone else is never overwritten; the secretary sees it and starts again from the saved record.
 * The type and date stay (a meeting on another day is another meeting: delete this one and record that).
 */
@Controller
class MeetingEditPages {

	private final MeetingService meetings;
	private final MeetingReads reads;
	private final DataScope scope;

	MeetingEditPages(MeetingService meetings, MeetingReads reads, DataScope scope) {
		this.meetings = meetings;
		this.reads = reads;
		this.scope = scope;
	}

	@GetMapping("/orglife/meetings/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		long meetingId = Ids.parse(id, "会议记录");
		requireWriter();
		MeetingView m = reads.get(meetingId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("version", Integer.toString(m.version()));
		form.put("theme", m.theme());
		form.put("firstTopic", m.firstTopic() == null ? "" : m.firstTopic());
		form.put("hostMemberId", m.hostMemberId() == null ? "" : m.hostMemberId());
		form.put("generalMeeting", m.generalMeeting() == null ? "" : m.generalMeeting().name());
		form.put("minutes", m.minutes() == null ? "" : m.minutes());
		for (AttendanceView a : m.attendance()) {
			form.put("att_" + a.memberId(), a.listedStatus() == null ? "" : a.listedStatus().name());
		}
		return page(m, form, Map.of(), model);
	}

	@PostMapping("/orglife/meetings/{id}/edit")
	String save(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long meetingId = Ids.parse(id, "会议记录");
		requireWriter();
		MeetingView m = reads.get(meetingId);
		Map<String, String> errors = new LinkedHashMap<>();
		if (m.type().firstTopicExpected() && blank(form.get("firstTopic"))) {
			errors.put("firstTopic", m.type().label() + "须记录第一议题（学习习近平新时代中国特色社会主义思想和总书记最新重要讲话精神）");
		}
		if (!errors.isEmpty()) {
			return page(m, form, errors, model);
		}
		List<AttendanceInput> lines = new ArrayList<>();
		for (RosterEntry r : roster(m)) {
			String status = form.get("att_" + r.memberId());
			if (status != null && !status.isBlank()) {
				lines.add(new AttendanceInput(r.memberId(), status));
			}
		}
		try {
			Integer version = form.get("version") == null ? null : Integer.valueOf(form.get("version"));
			MeetingView saved = meetings.correct(meetingId, new MeetingPatch(version, form.get("theme"),
					nullToEmpty(form.get("firstTopic")), nullToEmpty(form.get("hostMemberId")),
					nullToEmpty(form.get("generalMeeting")), nullToEmpty(form.get("minutes")), null), lines);
			redirect.addFlashAttribute("flash", "已保存对" + saved.heldOn() + saved.typeLabel() + "记录的修改");
			return "redirect:/orglife/meetings/" + saved.id();
		}
		catch (InvalidInputException e) {
			return page(m, form, OrgLifePages.errors(e), model);
		}
		catch (NumberFormatException e) {
			return page(m, form, Map.of("form", "页面已过期，请重新打开后再修改"), model);
		}
		catch (ConflictException e) {
			return page(m, form, Map.of("form", "保存前该记录已被他人修改（" + e.getMessage() + "）。您填写的内容仍在下方，请对照"
					+ "最新记录重新打开修改页面。"), model);
		}
		catch (RuleViolationException e) {
			return page(m, form, Map.of("form", e.getMessage()), model);
		}
	}

	@PostMapping("/orglife/meetings/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		long meetingId = Ids.parse(id, "会议记录");
		requireWriter();
		MeetingView m = reads.get(meetingId);
		try {
			meetings.delete(meetingId, version);
		}
		catch (ConflictException | RuleViolationException e) {
			redirect.addFlashAttribute("flashError", "未删除：" + e.getMessage());
			return "redirect:/orglife/meetings/" + id;
		}
		redirect.addFlashAttribute("flash", "已删除" + m.heldOn() + m.typeLabel() + "记录：" + m.theme());
		return "redirect:/orglife/branches/" + m.organizationId() + "?month=" + java.time.YearMonth.from(m.heldOn());
	}

	private void requireWriter() {
		scope.requireWriter(MeetingService.WRITERS);
	}

	/** Who can be listed: the branch's members on the day, and anyone already listed on the record. */
	private List<RosterEntry> roster(MeetingView m) {
		List<RosterEntry> roster = new ArrayList<>(reads.rosterOn(Long.parseLong(m.organizationId()), m.heldOn()));
		for (AttendanceView a : m.attendance()) {
			if (roster.stream().noneMatch(r -> r.memberId().equals(a.memberId()))) {
				roster.add(new RosterEntry(a.memberId(), a.name(), false, false));
			}
		}
		return roster;
	}

	private String page(MeetingView m, Map<String, String> form, Map<String, String> errors, Model model) {
		List<RosterEntry> roster = roster(m);
		Map<String, String> chosen = new LinkedHashMap<>();
		for (RosterEntry r : roster) {
			String v = form.get("att_" + r.memberId());
			// unlisted: counted by the rules (REMOTE with a report, otherwise ABSENT)
			chosen.put(r.memberId(), v == null || v.isBlank() ? (r.mobile() && r.remoteReported() ? "" : "ABSENT") : v);
		}
		model.addAttribute("m", m);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roster", roster);
		model.addAttribute("chosen", chosen);
		model.addAttribute("statuses", OrgLifePages.TAPPABLE);
		model.addAttribute("generalMeetings", GeneralMeeting.values());
		model.addAttribute("firstTopicExpected", m.type().firstTopicExpected());
		return "orglife/meeting-edit";
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
