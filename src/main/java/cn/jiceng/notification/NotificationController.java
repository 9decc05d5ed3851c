package cn.jiceng.notification;

import cn.jiceng.common.Ids;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The inbox on pages; the API is {@link NotificationApiController}. */
@Controller
class NotificationController {

	private final Notifications notifications;

	NotificationController(Notifications notifications) {
		this.notifications = notifications;
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
