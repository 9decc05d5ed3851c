package cn.jiceng.common;

/** One invalid input field with a Chinese message for people. */
public record FieldProblem(String field, String message) {
}
