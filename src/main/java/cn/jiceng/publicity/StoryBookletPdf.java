package cn.jiceng.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrganizationService;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stories booklet (党建故事汇编): a cover, the contents with page numbers, then one selected story a page with its
 * photo and the secretary's comment, rendered from {@code templates/publicity/pdf/booklet.html} with the embedded
 * CJK font.
 */
@Component
class StoryBookletPdf {

	private final ITemplateEngine templates;
	private final StoryService stories;
	private final OrganizationService organizations;
	private final Clock clock;

	StoryBookletPdf(ITemplateEngine templates, StoryService stories, OrganizationService organizations, Clock clock) {
		this.templates = templates;
		this.stories = stories;
		this.organizations = organizations;
		this.clock = clock;
	}

	public record Page(String title, String from, String photo, List<String> paragraphs, String comment) {
	}

	@Transactional(readOnly = true)
	byte[] render(long organizationId, Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		List<StoryService.BookletStory> selected = stories.booklet(organizationId, y);
		var org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<Page> pages = new ArrayList<>();
		for (StoryService.BookletStory s : selected) {
			String from = (s.townshipName() == null ? "" : s.townshipName() + " · ") + s.organizationName();
			String photo = s.photo() == null ? null
					: "data:" + s.photoType() + ";base64," + Base64.getEncoder().encodeToString(s.photo());
			List<String> paragraphs = s.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
			pages.add(new Page(s.title(), from, photo, paragraphs, s.secretaryComment()));
		}
		Map<String, Object> model = new HashMap<>();
		model.put("title", org.name() + y + "年度党建故事汇编");
		model.put("year", y);
		model.put("issuer", org.parentId() == null ? "中共" + org.name() + "组织部" : org.name());
		model.put("stories", pages);
		return pdf("publicity/pdf/booklet", model);
	}

	private byte[] pdf(String template, Map<String, Object> variables) {
		String html = templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
		return HtmlPdf.render(html);
	}
}
