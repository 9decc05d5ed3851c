package cn.jiceng.platform;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * RFC 9457 answers for the API, with Chinese details and every field error. Ordered first so it, not the pages'
 * error advice, answers for REST controllers; errors outside any controller go to {@link ProblemErrorController}.
 */
@RestControllerAdvice(annotations = RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ApiProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblemHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage(), e.errors());
	}

	@ExceptionHandler(NotFoundException.class)
	ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage(), null);
	}

	@ExceptionHandler({ ConflictException.class })
	ResponseEntity<ProblemDetail> conflict(RuntimeException e) {
		return problem(HttpStatus.CONFLICT, "冲突", e.getMessage(), null);
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> stale(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "冲突", "记录已被他人修改，请刷新后重试", null);
	}

	@ExceptionHandler(DuplicateKeyException.class)
	ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
		return problem(HttpStatus.CONFLICT, "冲突", "记录已存在", null);
	}

	@ExceptionHandler(RuleViolationException.class)
	ResponseEntity<ProblemDetail> rule(RuleViolationException e) {
		ResponseEntity<ProblemDetail> answer = problem(HttpStatus.UNPROCESSABLE_CONTENT, "不符合规定", e.getMessage(), null);
		e.properties().forEach(answer.getBody()::setProperty);
		return answer;
	}

	@ExceptionHandler({ ForbiddenException.class, AccessDeniedException.class })
	ResponseEntity<ProblemDetail> forbidden(RuntimeException e) {
		return problem(HttpStatus.FORBIDDEN, "无权操作", e.getMessage(), null);
	}

	@ExceptionHandler({ HttpMessageNotReadableException.class, JacksonException.class })
	ResponseEntity<ProblemDetail> unreadable(Exception e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof TextInputModule.InvalidTextException text) {
				return problem(HttpStatus.BAD_REQUEST, "输入有误", "输入含有不允许的字符：" + text.field() + text.reason(),
						List.of(new FieldProblem(text.field(), text.reason())));
			}
		}
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求内容格式不正确（日期应为YYYY-MM-DD，月份应为YYYY-MM）", null);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "缺少参数：" + e.getParameterName(),
				List.of(new FieldProblem(e.getParameterName(), "必填")));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "参数格式不正确：" + e.getName(),
				List.of(new FieldProblem(e.getName(), "格式不正确")));
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", "上传文件超过大小限制", null);
	}

	@ExceptionHandler(MultipartException.class)
	ResponseEntity<ProblemDetail> multipart(MultipartException e) {
		return problem(HttpStatus.BAD_REQUEST, "输入有误", "请以 multipart/form-data 上传文件", null);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ProblemDetail> mediaType(HttpMediaTypeNotSupportedException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "格式不支持", "请求内容类型不受支持", null);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
		return problem(HttpStatus.METHOD_NOT_ALLOWED, "方法不允许", "不支持的请求方法", null);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	ResponseEntity<ProblemDetail> noResource(NoResourceFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "未找到", "接口不存在", null);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception e) {
		log.error("Unexpected error", e);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "系统错误", "系统内部错误，请稍后再试", null);
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
			List<FieldProblem> errors) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		if (errors != null && !errors.isEmpty()) {
			pd.setProperty("errors", errors.stream().map(f -> Map.of("field", f.field(), "message", f.message())).toList());
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}
}
