package cn.jiceng.orglife;

import java.time.YearMonth;

/** A mobile member's remote report (三信联系) for a month was filed. */
public record RemoteReportFiled(long reportId, long countyId, long memberId, YearMonth month, RemoteChannel channel) {
}
