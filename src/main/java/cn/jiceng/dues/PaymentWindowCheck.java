package cn.jiceng.dues;

/**
 * Whether a payment for a month may be taken on its payment date. {@code monthsAhead} is positive for
 * advance payment (预交), negative for catch-up (补交), 0 when paid in the month itself.
 */
record PaymentWindowCheck(boolean allowed, long monthsAhead, String reason) {
}
