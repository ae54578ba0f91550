package io.rppg.bootstrap;

import io.rppg.application.port.out.PlanPort;
import io.rppg.application.port.out.TransactionPort;
import io.rppg.domain.tenant.Plan;
import io.rppg.domain.tenant.PlanId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** With no database configured the platform runs its own PostgreSQL, and what it stored is there after a restart. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesAStopAndAStart() {
        var plan = new Plan(new PlanId(UUID.randomUUID()), "kept-" + UUID.randomUUID(), 10, 60, 10, 100, false);

        try (var first = start()) {
            var transactions = first.getBean(TransactionPort.class);
            transactions.inPlatformTransaction(() -> first.getBean(PlanPort.class).save(plan));
        }
        try (var second = start()) {
            var transactions = second.getBean(TransactionPort.class);
            var found = transactions.inPlatformTransaction(() -> second.getBean(PlanPort.class).findById(plan.id()));
            assertThat(found).contains(plan);
        }
        assertThat(dataDir.resolve("postgres/PG_VERSION")).exists();
    }

    private ConfigurableApplicationContext start() {
        // Command-line arguments outrank the RPPG_* variables that application.yml reads.
        return new SpringApplicationBuilder(RppgApplication.class)
                .run("--rppg.data-dir=" + dataDir, "--rppg.database.url=", "--server.port=0");
    }
}
