package cn.jiceng.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole platform on a random port against the test database; all end-to-end classes share one context
 * (and so one embedded PostgreSQL) through Spring's context cache.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public @interface ApiTest {

	String ADMIN_PASSWORD = "Admin-Test-1";
}
