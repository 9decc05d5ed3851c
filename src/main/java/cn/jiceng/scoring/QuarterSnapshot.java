package cn.jiceng.scoring;

import java.time.LocalDate;

/** The index as at one quarter's end (季推进, published as 晒积分). */
record QuarterSnapshot(int quarter, LocalDate endsOn, VanguardIndex index) {
}
