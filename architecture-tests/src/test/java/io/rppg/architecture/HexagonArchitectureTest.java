package io.rppg.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's own classes obey every rule of the hexagon. */
class HexagonArchitectureTest {

    private static final HexagonRules RULES = new HexagonRules("io.rppg");
    private static JavaClasses platform;

    @BeforeAll
    static void importPlatform() {
        // Under `mvn verify` the other modules arrive as jars: import them too, but leave out test classes
        // (the deliberately broken fixture among them).
        platform = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.rppg");
    }

    @Test
    void everyRingIsPresentSoTheRulesCheckSomething() {
        for (var ring : new String[]{"domain", "application", "application.port.in", "application.port.out",
                "application.service", "adapter.web", "adapter.web.live", "adapter.web.graphql", "adapter.persistence",
                "adapter.signal", "adapter.jobs", "adapter.storage", "adapter.grpc",
                "bootstrap"}) {
            assertThat(platform.stream().anyMatch(c -> c.getPackageName().startsWith("io.rppg." + ring)))
                    .as("classes of io.rppg.%s were imported", ring).isTrue();
        }
    }

    @Test
    void domainUsesOnlyTheJdk() {
        RULES.domainUsesOnlyTheJdk().check(platform);
    }

    @Test
    void applicationUsesOnlyDomainAndJdk() {
        RULES.applicationUsesOnlyDomainAndJdk().check(platform);
    }

    @Test
    void ringsPointInwardsAndAdaptersStayApart() {
        RULES.ringsPointInwardsAndAdaptersStayApart().check(platform);
    }

    @Test
    void adaptersUsePortsOnly() {
        RULES.adaptersUsePortsOnly().check(platform);
    }

    @Test
    void adaptersAreWiredByTheirOwnModule() {
        RULES.adaptersAreWiredByTheirOwnModule().check(platform);
    }

    @Test
    void noPackageCycles() {
        RULES.noPackageCycles().check(platform);
    }

    @Test
    void portsInAreUseCasesOrQueries() {
        RULES.portsInAreUseCasesOrQueries().check(platform);
    }

    @Test
    void portsOutAreNamedPort() {
        RULES.portsOutAreNamedPort().check(platform);
    }

    @Test
    void noRingSeesTheBootstrap() {
        RULES.noRingSeesTheBootstrap().check(platform);
    }

    @Test
    void portImplementationsAreAdapters() {
        RULES.portImplementationsAreAdapters().check(platform);
    }

    @Test
    void liveSocketUsesNoOtherSurface() {
        RULES.liveSocketUsesNoOtherSurface().check(platform);
    }

    @Test
    void surfacesDoNotReachIntoTheLiveSocket() {
        RULES.surfacesDoNotReachIntoTheLiveSocket().check(platform);
    }

    @Test
    void scanPageServesFilesOnly() {
        RULES.scanPageServesFilesOnly().check(platform);
    }

    @Test
    void graphQlCallsPortsInOnly() {
        RULES.graphQlCallsPortsInOnly().check(platform);
    }

    @Test
    void graphQlImportsNoOtherAdapterOrSurface() {
        RULES.graphQlImportsNoOtherAdapterOrSurface().check(platform);
    }

    @Test
    void surfacesDoNotReachIntoGraphQl() {
        RULES.surfacesDoNotReachIntoGraphQl().check(platform);
    }
}
