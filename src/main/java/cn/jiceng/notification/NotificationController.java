package cn.jiceng.notification;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	@ResponseBody
	Map<String, Object> inbox(@RequestParam(defaultValue = "50") int limit) {
		List<Notifications.Entry> items = notifications.inbox(Math.min(Math.max(limit, 1), 200));
		return Map.of("items", items, "unread", notifications.unreadCount());
	}

	@PostMapping("/api/notifications/{id}/read")
	@ResponseBody
	Map<String, Object> read(@PathVariable String id) {
		notifications.markRead(Ids.parse(id, "通知"));
		return Map.of("read", true);
	}

	/** The home page's inbox panel, loaded with htmx. */
	@GetMapping("/notifications/panel")
	String panel(org.springframework.ui.Model model) {
		model.addAttribute("items", notifications.inbox(20));
		model.addAttribute("unread", notifications.unreadCount());
		return "fragments/inbox :: panel";
	}

	@PostMapping("/notifications/{id}/read")
	String readFromPage(@PathVariable String id, org.springframework.ui.Model model) {
		notifications.markRead(Ids.parse(id, "通知"));
		return panel(model);
	}
}
