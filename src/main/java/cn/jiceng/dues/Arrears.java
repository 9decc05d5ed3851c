package cn.jiceng.dues;

import java.time.YearMonth;

/**
 * A member's run of unpaid months ending at {@code asOf}. {@code since} is the first month of the run, null
 * when there is none. {@code flagged} only asks the branch assembly to consider the 自行脱党 procedure.
 */
public record Arrears(YearMonth asOf, int consecutiveUnpaidMonths, YearMonth since, boolean flagged, String message) {
}
