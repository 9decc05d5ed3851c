package cn.jiceng.scoring;

/** Signed points as people read them in reasons: "+5", "−10" (a true minus sign), "0". */
final class Points {

	private Points() {
	}

	static String signed(long points) {
		if (points == 0) {
			return "0";
		}
		return points < 0 ? "−" + Math.abs(points) : "+" + points;
	}
}
