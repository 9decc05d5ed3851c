package cn.jiceng.notification;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inbox API; a REST controller so its errors are problem+json like every other /api answer. */
@RestController
class NotificationApiController {

	private final Notifications notifications;

	NotificationApiController(Notifications notifications) {
		this.notifications = notifications;
	}

	@GetMapping("/api/notifications")
	Map<String, Object> inbox(@RequestParam(defaultValue = "50") int limit) {
		List<Notifications.Entry> items = notifications.inbox(Math.min(Math.max(limit, 1), 200));
		return Map.of("items", items, "unread", notifications.unreadCount());
	}

	@PostMapping("/api/notifications/{id}/read")
	Map<String, Object> read(@PathVariable String id) {
		notifications.markRead(Ids.parse(id, "通知"));
		return Map.of("read", true);
	}
}
