package cn.jiceng;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.jiceng.common.JoinsTables;
import cn.jiceng.common.OwnsTables;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Guard rails the module verifier cannot see: rules stay plain Java, and a module's SQL touches only its own tables
 * and the other modules' tables it declares it joins ({@link JoinsTables} in its package-info).
 */
class ArchitectureTests {

	private static final Path SOURCES = Path.of("src/main/java/cn/jiceng");

	private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

	private static final Pattern CREATE_TABLE = Pattern
		.compile("CREATE\\s+(?:UNLOGGED\\s+)?TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern DROP_TABLE = Pattern.compile("DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern RENAME_TABLE = Pattern
		.compile("ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)\\s+RENAME\\s+TO\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

	private static final Pattern READ = Pattern.compile("\\b(?:FROM|JOIN|to_regclass\\(')\\s*(\\w+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern WRITE = Pattern.compile("\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|COPY)\\s+(\\w+)",
			Pattern.CASE_INSENSITIVE);

	@Test
	void rulesImportNoFrameworks() {
		var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("cn.jiceng");
		noClasses().that()
			.haveSimpleNameEndingWith("Policy")
			.or()
			.haveSimpleNameEndingWith("Calculator")
			.or()
			.haveSimpleNameEndingWith("Scoring")
			.or()
			.haveSimpleName("RuleCatalog")
			.or()
			.haveSimpleName("RuleSettings")
			.or()
			.haveSimpleName("Setting")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..", "tools.jackson..", "java.sql..")
			.because("rules are plain Java, unit-tested without a container")
			.check(classes);
	}

	@Test
	void everyTableHasExactlyOneOwningModule() {
		Map<String, List<String>> owners = new TreeMap<>();
		modules().forEach(m -> ownedBy(m).forEach(t -> owners.computeIfAbsent(t, k -> new ArrayList<>()).add(m)));

		assertThat(owners).allSatisfy((table, mods) -> assertThat(mods).as(table).hasSize(1));
		assertThat(owners.keySet()).as("tables of the migrations, each owned by one module")
			.containsExactlyInAnyOrderElementsOf(schemaTables());
	}

	@Test
	void aModuleReadsOnlyItsOwnTablesAndTheOnesItDeclaresItJoins() {
		Map<String, String> owner = new LinkedHashMap<>();
		modules().forEach(m -> ownedBy(m).forEach(t -> owner.put(t, m)));
		List<String> violations = new ArrayList<>();
		for (String module : modules()) {
			Set<String> declared = Set.of(joins(module).map(JoinsTables::value).orElse(new String[0]));
			Set<String> loads = Set.of(joins(module).map(JoinsTables::bulkLoads).orElse(new String[0]));
			Set<String> used = new TreeSet<>();
			sources(module).forEach((file, text) -> {
				for (String table : matches(READ, text)) {
					String o = owner.get(table);
					if (o != null && !o.equals(module)) {
						used.add(table);
						if (!declared.contains(table)) {
							violations.add(file + " reads " + table + " of module " + o + " without declaring it");
						}
					}
				}
				for (String table : matches(WRITE, text)) {
					String o = owner.get(table);
					if (o != null && !o.equals(module)) {
						used.add(table);
						if (!loads.contains(table)) {
							violations.add(file + " writes " + table + " of module " + o);
						}
					}
				}
			});
			for (String table : declared) {
				if (!used.contains(table)) {
					violations.add(module + " declares it joins " + table + " but no SQL of it does");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	private static List<String> modules() {
		try (Stream<Path> dirs = Files.list(SOURCES)) {
			return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static List<String> ownedBy(String module) {
		OwnsTables owns = packageInfo(module).getAnnotation(OwnsTables.class);
		return owns == null ? List.of() : Arrays.asList(owns.value());
	}

	private static java.util.Optional<JoinsTables> joins(String module) {
		return java.util.Optional.ofNullable(packageInfo(module).getAnnotation(JoinsTables.class));
	}

	private static Class<?> packageInfo(String module) {
		try {
			return Class.forName("cn.jiceng." + module + ".package-info");
		}
		catch (ClassNotFoundException e) {
			throw new AssertionError("module " + module + " has no package-info.java", e);
		}
	}

	private static Set<String> schemaTables() {
		Set<String> tables = new TreeSet<>();
		try (Stream<Path> files = Files.list(MIGRATIONS)) {
			List<Path> ordered = files.filter(p -> p.toString().endsWith(".sql"))
				.sorted((a, b) -> Integer.compare(version(a), version(b)))
				.toList();
			for (Path p : ordered) {
				String sql = Files.readString(p);
				tables.addAll(matches(CREATE_TABLE, sql));
				Matcher rename = RENAME_TABLE.matcher(sql);
				while (rename.find()) {
					tables.remove(rename.group(1).toLowerCase());
					tables.add(rename.group(2).toLowerCase());
				}
				tables.removeAll(matches(DROP_TABLE, sql));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return tables;
	}

	private static int version(Path migration) {
		String name = migration.getFileName().toString();
		return Integer.parseInt(name.substring(1, name.indexOf("__")));
	}

	private static Map<String, String> sources(String module) {
		Map<String, String> texts = new TreeMap<>();
		try (Stream<Path> files = Files.walk(SOURCES.resolve(module))) {
			for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
				texts.put(SOURCES.relativize(p).toString(), Files.readString(p));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return texts;
	}

	private static Set<String> matches(Pattern pattern, String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = pattern.matcher(text);
		while (m.find()) {
			found.add(m.group(1).toLowerCase());
		}
		return found;
	}
}
