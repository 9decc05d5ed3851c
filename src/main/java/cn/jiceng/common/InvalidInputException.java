package cn.jiceng.common;

import java.util.List;

/** Input that fails validation: answered with 400 and every field error. */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> errors;

	public InvalidInputException(String detail, List<FieldProblem> errors) {
		super(detail);
		this.errors = List.copyOf(errors);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(message, List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> errors() {
		return errors;
	}
}
