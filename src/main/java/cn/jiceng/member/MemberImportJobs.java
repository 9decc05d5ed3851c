package cn.jiceng.member;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Imports started from the page run here, off the request thread, so a large file can show its progress.
 * Jobs live in memory only (a restart loses the progress view, never data: a job saves in one transaction)
 * and are forgotten an hour after they finish. Each job runs with its uploader's security context.
 */
@Component
class MemberImportJobs {

	private static final Logger log = LoggerFactory.getLogger(MemberImportJobs.class);

	private static final Duration KEEP = Duration.ofHours(1);

	enum Phase {
		QUEUED("排队中"), CHECKING("检查中"), SAVING("保存中"), DONE("已完成"), FAILED("未完成");

		final String label;

		Phase(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	/** What the progress fragment shows; mutable fields are written by the worker and read by page requests. */
	static final class Job implements MemberImportProgress {

		final String id;
		final long accountId;
		final long organizationId;
		final String organizationName;
		final String fileName;
		private volatile Phase phase = Phase.QUEUED;
		private final AtomicInteger done = new AtomicInteger();
		private final AtomicInteger total = new AtomicInteger();
		private volatile MemberImportResult result;
		private volatile String failure;
		private volatile Instant finishedAt;

		final Instant startedAt;

		Job(long accountId, long organizationId, String organizationName, String fileName) {
			this(UUID.randomUUID().toString(), accountId, organizationId, organizationName, fileName, Instant.now());
		}

		private Job(String id, long accountId, long organizationId, String organizationName, String fileName,
				Instant startedAt) {
			this.id = id;
			this.accountId = accountId;
			this.organizationId = organizationId;
			this.organizationName = organizationName;
			this.fileName = fileName;
			this.startedAt = startedAt;
		}

		/**
		 * A copy that no longer changes, for a page to render: read field by field while the worker runs, the live
		 * job could show "done" text inside a still-polling progress box.
		 */
		Job snapshot() {
			Job copy = new Job(id, accountId, organizationId, organizationName, fileName, startedAt);
			copy.finishedAt = finishedAt;
			copy.result = result;
			copy.failure = failure;
			copy.total.set(total.get());
			copy.done.set(done.get());
			copy.phase = phase;
			return copy;
		}

		@Override
		public void checking(int done, int total) {
			this.phase = Phase.CHECKING;
			this.total.set(total);
			this.done.set(done);
		}

		@Override
		public void saving(int done, int total) {
			this.phase = Phase.SAVING;
			this.total.set(total);
			this.done.set(done);
		}

		public String getId() {
			return id;
		}

		public String getOrganizationId() {
			return Long.toString(organizationId);
		}

		public String getOrganizationName() {
			return organizationName;
		}

		public String getFileName() {
			return fileName;
		}

		public Phase getPhase() {
			return phase;
		}

		public int getDone() {
			return done.get();
		}

		public int getTotal() {
			return total.get();
		}

		/** Percent for the progress bar; checking and saving each fill the bar once. */
		public int getPercent() {
			int t = total.get();
			return t <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * done.get() / t));
		}

		public boolean isFinished() {
			return phase == Phase.DONE || phase == Phase.FAILED;
		}

		public MemberImportResult getResult() {
			return result;
		}

		public String getFailure() {
			return failure;
		}

		public long getSeconds() {
			Instant end = finishedAt != null ? finishedAt : Instant.now();
			return Duration.between(startedAt, end).toSeconds();
		}
	}

	private final Map<String, Job> jobs = new ConcurrentHashMap<>();
	private final MemberImportService importer;
	private final CurrentCaller currentCaller;
	// Two workers: imports are heavy on CPU and memory, and a county rarely runs more than one at a time.
	private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES,
			new ArrayBlockingQueue<>(8), r -> {
				Thread t = new Thread(r, "member-import");
				t.setDaemon(true);
				return t;
			});

	MemberImportJobs(MemberImportService importer, CurrentCaller currentCaller) {
		this.importer = importer;
		this.currentCaller = currentCaller;
	}

	/** Takes ownership of {@code file} (deleted when the job ends) and starts checking it in the background. */
	Job start(long organizationId, String organizationName, Path file, String fileName) {
		forgetOldJobs();
		Caller caller = currentCaller.get();
		Job job = new Job(caller.accountId(), organizationId, organizationName, fileName);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(SecurityContextHolder.getContext().getAuthentication());
		Runnable work = () -> run(job, file);
		jobs.put(job.id, job);
		try {
			executor.execute(new DelegatingSecurityContextRunnable(work, context));
		}
		catch (RejectedExecutionException e) {
			jobs.remove(job.id);
			deleteQuietly(file);
			throw new RuleViolationException("当前导入任务较多，请稍后再试");
		}
		return job;
	}

	/** Only the uploader sees a job; anyone else gets the same answer as for an unknown id. */
	Job get(String id) {
		Job job = jobs.get(id);
		Caller caller = currentCaller.get();
		if (job == null || job.accountId != caller.accountId()) {
			throw new NotFoundException("导入任务不存在或已过期");
		}
		return job;
	}

	private void run(Job job, Path file) {
		try {
			job.checking(0, 0);
			job.result = importer.importFile(job.organizationId, file, job);
			job.phase = Phase.DONE;
		}
		catch (InvalidInputException | ConflictException | RuleViolationException | NotFoundException
				| ForbiddenException e) {
			job.failure = e.getMessage();
			job.phase = Phase.FAILED;
		}
		catch (RuntimeException | Error e) {
			log.error("Member import {} failed", job.id, e);
			job.failure = e instanceof OutOfMemoryError ? "文件过大，服务器内存不足，请拆分文件后分批导入"
					: "导入时发生系统错误，未保存任何数据，请稍后再试";
			job.phase = Phase.FAILED;
		}
		finally {
			job.finishedAt = Instant.now();
			deleteQuietly(file);
		}
	}

	private void forgetOldJobs() {
		Instant cutoff = Instant.now().minus(KEEP);
		jobs.values().removeIf(j -> j.finishedAt != null && j.finishedAt.isBefore(cutoff));
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (Exception e) {
			log.warn("Could not delete upload {}: {}", file, e.getMessage());
		}
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
