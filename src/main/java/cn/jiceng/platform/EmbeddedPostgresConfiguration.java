package cn.jiceng.platform;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts PostgreSQL from Maven-Central binaries when no datasource URL is configured, so a newcomer needs no
 * database server. Files live under the data directory and survive restarts; closing the context stops it.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedPostgresConfiguration.NoDatasourceUrl.class)
class EmbeddedPostgresConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(@Value("${jiceng.data-dir}") String dataDir,
			@Value("${jiceng.embedded-db.fresh:false}") boolean fresh) throws IOException {
		Path base = Path.of(dataDir).toAbsolutePath().normalize();
		// tests ask for a fresh database per context so runs never see each other's rows
		Path pgDir = fresh ? base.resolve("pg-test-" + UUID.randomUUID()) : base.resolve("pg");
		Files.createDirectories(pgDir.getParent());
		stopOrphanedServer(pgDir);
		log.info("Starting embedded PostgreSQL in {}", pgDir);
		return EmbeddedPostgres.builder()
			.setDataDirectory(pgDir.toFile())
			.setCleanDataDirectory(fresh)
			// the context's own close stops it, after the pool and every bean that still talks to it
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(60))
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "128MB")
			.setServerConfig("fsync", fresh ? "off" : "on")
			.setServerConfig("synchronous_commit", fresh ? "off" : "on")
			.start();
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres, @Value("${jiceng.embedded-db.pool-size:10}") int poolSize) {
		try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
			var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'jiceng'");
			if (!rs.next()) {
				s.execute("CREATE DATABASE jiceng ENCODING 'UTF8' TEMPLATE template0");
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("无法创建内置数据库 jiceng", e);
		}
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(postgres.getJdbcUrl("postgres", "jiceng"));
		config.setUsername("postgres");
		config.setMaximumPoolSize(poolSize);
		config.setPoolName("jiceng-embedded");
		return new HikariDataSource(config);
	}

	/** A killed JVM leaves its postgres child running and holding the directory; stop it before starting. */
	private static void stopOrphanedServer(Path pgDir) {
		File pidFile = pgDir.resolve("postmaster.pid").toFile();
		if (!pidFile.isFile()) {
			return;
		}
		try {
			String first = Files.readAllLines(pidFile.toPath(), StandardCharsets.UTF_8).get(0).trim();
			long pid = Long.parseLong(first);
			ProcessHandle.of(pid).ifPresent(p -> {
				log.warn("Stopping orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
				p.destroy();
				p.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
			});
		}
		catch (Exception e) {
			log.warn("Could not read {}: {}", pidFile, e.getMessage());
		}
	}

	static class NoDatasourceUrl implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			String url = context.getEnvironment().getProperty("spring.datasource.url");
			return url == null || url.isBlank();
		}
	}
}
