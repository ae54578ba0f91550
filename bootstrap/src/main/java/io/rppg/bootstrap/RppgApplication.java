package io.rppg.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The platform: every adapter wired around the application's use cases. */
@SpringBootApplication(scanBasePackages = "io.rppg")
@ConfigurationPropertiesScan
public class RppgApplication {

    public static void main(String[] args) {
        SpringApplication.run(RppgApplication.class, args);
    }
}
