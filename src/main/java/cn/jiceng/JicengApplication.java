package cn.jiceng;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class JicengApplication {

	public static void main(String[] args) {
		SpringApplication.run(JicengApplication.class, args);
	}
}
