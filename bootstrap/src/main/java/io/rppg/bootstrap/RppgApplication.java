package io.rppg.bootstrap;

import io.rppg.adapter.signal.cli.AnalyzeCommand;
import io.rppg.bootstrap.database.EarlyEmbeddedDatabaseStart;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.Arrays;

/**
 * The platform: every adapter wired around the application's use cases. {@code analyze VIDEO...} instead runs the
 * signal engine offline, with no server and no database.
 */
@SpringBootApplication(scanBasePackages = "io.rppg")
@ConfigurationPropertiesScan
public class RppgApplication {

    public static void main(String[] args) {
        // JavaCV reports through JavaCPP's logger, which prints to standard output unless told to use SLF4J.
        System.setProperty("org.bytedeco.javacpp.logger", "slf4j");
        if (args.length > 0 && "analyze".equals(args[0])) {
            // Before any logger exists: the command's logs go to standard error, its results alone to standard output.
            System.setProperty("logback.configurationFile", "rppg-cli-logback.xml");
            System.exit(AnalyzeCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        var application = new SpringApplication(RppgApplication.class);
        application.addInitializers(new EarlyEmbeddedDatabaseStart());
        application.run(args);
    }
}
