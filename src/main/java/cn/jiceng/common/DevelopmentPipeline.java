package cn.jiceng.common;

import java.util.List;
import java.util.Map;

/**
 * The development pipeline (发展党员) of a subtree by stage, as the command center shows it (API.md "Command center"
 * {@code development}). The development module implements it as a Spring bean; without one every stage counts 0.
 * No scope checks (the dashboard has checked the subtree).
 */
public interface DevelopmentPipeline {

	/** The stages the dashboard shows, in pipeline order: applicants, activists, candidates, probationary members. */
	List<String> STAGES = List.of("APPLICANT", "ACTIVIST", "CANDIDATE", "PROBATIONARY");

	/**
	 * People in development per stage ({@link #STAGES} codes; a missing stage counts 0) whose organization's
	 * {@code organization.path} starts with {@code organizationPath}, counted today.
	 */
	Map<String, Long> byStage(String organizationPath);
}
