package io.rppg.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every rule, run over {@code io.rppg.archfixture} (a small hexagon broken on purpose in each way), reports the
 * break. A rule that could not fail here would be checking nothing.
 */
class RulesCanFailTest {

    private static final HexagonRules RULES = new HexagonRules("io.rppg.archfixture");
    private static JavaClasses broken;

    @BeforeAll
    static void importBrokenFixture() {
        broken = new ClassFileImporter().importPackages("io.rppg.archfixture");
    }

    @Test
    void domainUsingSpringIsCaught() {
        assertViolation(RULES.domainUsesOnlyTheJdk(), "LeakyDomainService", "org.springframework");
    }

    @Test
    void applicationUsingJpaIsCaught() {
        assertViolation(RULES.applicationUsesOnlyDomainAndJdk(), "PersistingService", "jakarta.persistence");
    }

    @Test
    void applicationSigningWithJavaxCryptoIsCaught() {
        assertViolation(RULES.applicationUsesOnlyDomainAndJdk(), "SigningService", "javax.crypto.Mac");
    }

    @Test
    void adapterUsingAnotherAdapterIsCaught() {
        assertViolation(RULES.ringsPointInwardsAndAdaptersStayApart(), "ReachingController", "StoreRepository");
    }

    @Test
    void jobsAdapterUsingTheWebAdapterIsCaught() {
        assertViolation(RULES.ringsPointInwardsAndAdaptersStayApart(), "ThingJob", "ReachingController");
    }

    @Test
    void storageAdapterUsingThePersistenceAdapterIsCaught() {
        assertViolation(RULES.ringsPointInwardsAndAdaptersStayApart(), "IndexedVideoStoreAdapter",
                "StoreRepository");
    }

    @Test
    void grpcAdapterUsingTheWebAdapterIsCaught() {
        assertViolation(RULES.ringsPointInwardsAndAdaptersStayApart(), "BorrowingScanService", "ReachingController");
    }

    @Test
    void grpcAdapterCallingAnApplicationServiceIsCaught() {
        assertViolation(RULES.adaptersUsePortsOnly(), "BorrowingScanService", "ThingService");
    }

    @Test
    void adapterCallingAnApplicationServiceIsCaught() {
        assertViolation(RULES.adaptersUsePortsOnly(), "ServiceCallingController", "ThingService");
    }

    @Test
    void bootstrapBuildingAnAdapterIsCaught() {
        assertViolation(RULES.adaptersAreWiredByTheirOwnModule(), "Wiring", "ThingStoreAdapter");
    }

    @Test
    void domainUsingTheApplicationIsCaught() {
        assertViolation(RULES.ringsPointInwardsAndAdaptersStayApart(), "OutwardLookingEntity", "ThingService");
    }

    @Test
    void packageCycleIsCaught() {
        assertViolation(RULES.noPackageCycles(), "Chicken", "Egg");
    }

    @Test
    void portInWithAnotherNameIsCaught() {
        assertViolation(RULES.portsInAreUseCasesOrQueries(), "ThingHandler");
    }

    @Test
    void portOutWithAnotherNameIsCaught() {
        assertViolation(RULES.portsOutAreNamedPort(), "ThingStore");
    }

    @Test
    void portImplementationNotNamedAdapterIsCaught() {
        assertViolation(RULES.portImplementationsAreAdapters(), "JpaThingRepository");
    }

    @Test
    void ringSeeingTheBootstrapIsCaught() {
        assertViolation(RULES.noRingSeesTheBootstrap(), "ConfigPeekingAdapter", "Wiring");
    }

    @Test
    void liveSocketUsingARestSurfaceIsCaught() {
        assertViolation(RULES.liveSocketUsesNoOtherSurface(), "PeekingLiveHandler", "ScanController");
    }

    @Test
    void restSurfaceReachingIntoTheLiveSocketIsCaught() {
        assertViolation(RULES.surfacesDoNotReachIntoTheLiveSocket(), "ScanController", "PeekingLiveHandler");
    }

    @Test
    void scanPageCallingTheApplicationIsCaught() {
        assertViolation(RULES.scanPageServesFilesOnly(), "PrefetchingScanPage", "LoadThingPort");
    }

    @Test
    void graphQlReadingThroughAPortOutIsCaught() {
        assertViolation(RULES.graphQlCallsPortsInOnly(), "LeakyResolver", "LoadThingPort");
    }

    @Test
    void graphQlImportingAnotherAdapterOrSurfaceIsCaught() {
        assertViolation(RULES.graphQlImportsNoOtherAdapterOrSurface(), "LeakyResolver", "ScanController",
                "ThingStoreAdapter");
    }

    @Test
    void surfaceReachingIntoGraphQlIsCaught() {
        assertViolation(RULES.surfacesDoNotReachIntoGraphQl(), "GraphQlBorrowingController", "LeakyResolver");
    }

    private static void assertViolation(ArchRule rule, String... expectedInReport) {
        var result = rule.evaluate(broken);
        assertThat(result.hasViolation()).as("rule %s must fail on the broken fixture", rule.getDescription()).isTrue();
        var report = result.getFailureReport().toString();
        for (var expected : expectedInReport) {
            assertThat(report).contains(expected);
        }
    }
}
