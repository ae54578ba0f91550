package io.rppg.architecture;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.onionArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules of the hexagon, written once for any root package so that they can be run both over the platform
 * ({@code io.rppg}) and over a deliberately broken fixture, which proves that each rule can fail.
 */
final class HexagonRules {

    private final String root;

    HexagonRules(String root) {
        this.root = root;
    }

    /** The domain is plain Java: the JDK's language, time, math and collection types and nothing else. */
    ArchRule domainUsesOnlyTheJdk() {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".domain..", "java.lang..", "java.time..", "java.util..", "java.math..")
                .because("the domain is plain Java, free of frameworks and libraries");
    }

    /** The application knows the domain and the JDK, never Spring, JPA, Jackson or JavaCV. */
    ArchRule applicationUsesOnlyDomainAndJdk() {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        root + ".application..", root + ".domain..",
                        "java.lang..", "java.time..", "java.util..", "java.math..", "java.nio.file..", "java.io..",
                        // java.security: Secrets draws random secrets (SecureRandom) and hashes them (MessageDigest)
                        "java.security..", "java.nio.charset..")
                .because("use cases reach the world only through ports");
    }

    /**
     * Rings point inwards: adapters -> application -> domain, and adapters (web, persistence, signal, jobs,
     * storage, grpc) never use one another. The bootstrap
     * module is the composition root: it may see every ring, and no ring may see it.
     */
    ArchRule ringsPointInwardsAndAdaptersStayApart() {
        return onionArchitecture()
                .ignoreDependency(resideInAPackage(root + ".bootstrap.."), alwaysTrue())
                .domainModels(root + ".domain..")
                .applicationServices(root + ".application..")
                .adapter("web", root + ".adapter.web..")
                .adapter("persistence", root + ".adapter.persistence..")
                .adapter("signal", root + ".adapter.signal..")
                .adapter("jobs", root + ".adapter.jobs..")
                .adapter("storage", root + ".adapter.storage..")
                .adapter("grpc", root + ".adapter.grpc..")
                .withOptionalLayers(true);
    }

    /**
     * Adapters reach the application through its ports (and the records that travel with them), never through a
     * service: a service is an implementation the composition root chooses, and may change without notice.
     */
    ArchRule adaptersUsePortsOnly() {
        return noClasses().that().resideInAPackage(root + ".adapter..")
                .should().dependOnClassesThat().resideInAPackage(root + ".application.service..")
                .because("adapters talk to the application through port.in and port.out only");
    }

    /**
     * One wiring style: every adapter module wires its own adapters (components, or beans of its own
     * configuration); the composition root builds only the application's services, which are plain Java.
     */
    ArchRule adaptersAreWiredByTheirOwnModule() {
        return noClasses().that().resideInAPackage(root + ".bootstrap..")
                .should().callConstructorWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "the constructor of an adapter", call -> call.getTargetOwner().getPackageName()
                                .startsWith(root + ".adapter")))
                .because("an adapter module wires its own adapters; bootstrap wires the services");
    }

    ArchRule noPackageCycles() {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    /** Ports in are use cases or queries named after what the user does; records may travel with them. */
    ArchRule portsInAreUseCasesOrQueries() {
        return classes().that().resideInAPackage(root + ".application.port.in..").and().areTopLevelClasses()
                .and().areInterfaces().and().areNotAnnotations()
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("are not sealed value types",
                        (com.tngtech.archunit.core.domain.JavaClass type) -> !type.reflect().isSealed()))
                .should().haveSimpleNameEndingWith("UseCase").orShould().haveSimpleNameEndingWith("Query");
    }

    /** Ports out are interfaces named *Port. */
    ArchRule portsOutAreNamedPort() {
        return classes().that().resideInAPackage(root + ".application.port.out..").and().areTopLevelClasses()
                .should().beInterfaces().andShould().haveSimpleNameEndingWith("Port");
    }

    /** Whatever implements a port out is an adapter, named so, and lives outside the domain and application. */
    ArchRule portImplementationsAreAdapters() {
        return classes().that().implement(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "a port out", (com.tngtech.archunit.core.domain.JavaClass type) ->
                                type.getPackageName().startsWith(root + ".application.port.out")
                                        && type.isTopLevelClass()))
                .and().areNotInterfaces()
                .should().haveSimpleNameEndingWith("Adapter")
                .andShould().resideOutsideOfPackages(root + ".domain..", root + ".application..");
    }

    ArchRule noRingSeesTheBootstrap() {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .because("the composition root wires the rings; they must not know it");
    }

    /** The HTTP surfaces of the web adapter, each a sub-package, and the live WebSocket beside them. */
    private String[] surfaces() {
        return new String[]{root + ".adapter.web.v1..", root + ".adapter.web.v2..", root + ".adapter.web.nervoscan..",
                root + ".adapter.web.admin.."};
    }

    /**
     * The live WebSocket is a surface of its own: it shares the web adapter's security and error handling, never the
     * REST surfaces' controllers or shapes, so that either can change without the other.
     */
    ArchRule liveSocketUsesNoOtherSurface() {
        return noClasses().that().resideInAPackage(root + ".adapter.web.live..")
                .should().dependOnClassesThat().resideInAnyPackage(surfaces())
                .because("the live WebSocket shares security and errors with the REST surfaces, not their classes");
    }

    /** ... and no REST surface reaches into the live WebSocket's connections. */
    ArchRule surfacesDoNotReachIntoTheLiveSocket() {
        return noClasses().that().resideInAnyPackage(surfaces())
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.web.live..")
                .because("REST surfaces start and stop streams through the application, not through the socket");
    }

    /**
     * The scan page and the SDK are static files the platform serves; their Java only routes and protects them. The
     * page speaks to the platform over HTTP like any client, so its package uses neither the application nor another
     * surface.
     */
    ArchRule scanPageServesFilesOnly() {
        return noClasses().that().resideInAPackage(root + ".adapter.web.app..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application..", root + ".domain..",
                        root + ".adapter.web.v1..", root + ".adapter.web.v2..", root + ".adapter.web.nervoscan..",
                        root + ".adapter.web.admin..", root + ".adapter.web.live..",
                        root + ".adapter.web.graphql..")
                .because("the page calls the API over HTTP, as every client does");
    }

    /**
     * The GraphQL API calls the application through its ports in only (use cases and queries, and the records that
     * travel with them): a port out is for adapters to implement, not for a surface to call past the use cases.
     */
    ArchRule graphQlCallsPortsInOnly() {
        return noClasses().that().resideInAPackage(root + ".adapter.web.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".application.port.out..",
                        root + ".application.service..")
                .because("GraphQL resolvers call use cases and queries, as every surface does");
    }

    /**
     * The GraphQL API imports no other adapter and no other surface of the web adapter: it shares security and
     * errors only, so that each surface can change without the others.
     */
    ArchRule graphQlImportsNoOtherAdapterOrSurface() {
        var others = new java.util.ArrayList<>(java.util.List.of(surfaces()));
        others.addAll(java.util.List.of(root + ".adapter.web.live..", root + ".adapter.persistence..",
                root + ".adapter.signal..", root + ".adapter.jobs..", root + ".adapter.storage..",
                root + ".adapter.grpc.."));
        return noClasses().that().resideInAPackage(root + ".adapter.web.graphql..")
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new))
                .because("the GraphQL API is one surface among others; it reaches the platform through its ports");
    }

    /** ... and no other surface reaches into the GraphQL API. */
    ArchRule surfacesDoNotReachIntoGraphQl() {
        var others = new java.util.ArrayList<>(java.util.List.of(surfaces()));
        others.add(root + ".adapter.web.live..");
        return noClasses().that().resideInAnyPackage(others.toArray(String[]::new))
                .should().dependOnClassesThat().resideInAPackage(root + ".adapter.web.graphql..")
                .because("surfaces share the application, not each other's classes");
    }
}
