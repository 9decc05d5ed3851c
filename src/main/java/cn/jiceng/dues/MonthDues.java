package cn.jiceng.dues;

import java.math.BigDecimal;
import java.time.YearMonth;

/** One month of a member's dues: {@code due} is 0.00 when the status is NONE. */
record MonthDues(YearMonth month, BigDecimal due, BigDecimal paid, PaymentStatus status) {
}
