package cn.jiceng.orglife;

/** Channels of a mobile member's remote report (三信联系法). */
public enum RemoteChannel {
	WECHAT("微信"),
	LETTER("书信"),
	SMS("短信");

	private final String label;

	RemoteChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

}
