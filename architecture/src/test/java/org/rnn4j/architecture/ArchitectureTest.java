package org.rnn4j.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rnn4j.api.Loss;
import org.rnn4j.api.training.TrainingSetup;

/**
 * The architecture, stated and checked over every module's compiled main classes (read from the
 * modules' {@code target/classes}, which the reactor has built before this module).
 */
final class ArchitectureTest {

    /** The modules of the default build, as folders beside this one. */
    private static final List<String> MODULES = List.of("api", "tck", "kernels-openblas", "plugins-example", "core",
            "topologies", "trainers", "cli", "spark", "embedding-example");

    /** Core's facade: the one package other programs may use. */
    private static final String FACADE = "org.rnn4j.core";

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        List<Path> folders = new ArrayList<>();
        for (String module : MODULES) {
            Path folder = Path.of("..", module, "target", "classes");
            assertTrue(Files.isDirectory(folder), folder + " is missing: build the whole reactor (mvn -B verify)");
            folders.add(folder);
        }
        classes = new ClassFileImporter().importPaths(folders);
        assertTrue(classes.size() > 200, "imported " + classes.size() + " classes; expected every module's");
    }

    @Test
    void frontEndsReachCoreThroughItsFacadePackageAlone() {
        noClasses().that().resideInAnyPackage("org.rnn4j.cli..", "org.rnn4j.spark..", "org.rnn4j.embedding..")
                .should().dependOnClassesThat().resideInAPackage(FACADE + ".*..")
                .because("core's packages other than org.rnn4j.core are internal (docs/architecture.md: one door into core)")
                .check(classes);
    }

    @Test
    void pluginModulesNeverSeeCore() {
        noClasses().that().resideInAnyPackage("org.rnn4j.api..", "org.rnn4j.topologies..", "org.rnn4j.trainers..",
                        "org.rnn4j.kernels..", "org.rnn4j.tck..", "org.rnn4j.example..")
                .should().dependOnClassesThat().resideInAPackage(FACADE + "..")
                .check(classes);
    }

    @Test
    void theApiDependsOnNoOtherRnn4jModule() {
        noClasses().that().resideInAPackage("org.rnn4j.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rnn4j.core..", "org.rnn4j.topologies..",
                        "org.rnn4j.trainers..", "org.rnn4j.kernels..", "org.rnn4j.tck..", "org.rnn4j.cli..",
                        "org.rnn4j.spark..", "org.rnn4j.example..", "org.rnn4j.benchmarks..")
                .check(classes);
    }

    /**
     * One edge is known and kept: {@code TrainingSetup} (a contract in {@code api.training}) hands
     * a trainer the run's {@code Loss} (an SPI in {@code api}'s root). Moving either would break
     * every trainer plugin's imports; the rule ignores that one dependency and no other.
     */
    @Test
    void noModuleHasAPackageCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles()
                .ignoreDependency(TrainingSetup.class, Loss.class)
                .check(classes);
    }

    /** Each package its own slice, the facade's root package included. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith("org.rnn4j.") ? SliceIdentifier.of(name) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "every rnn4j package";
        }
    };

    /**
     * The benchmark modules are outside the default build (they bring peers: Encog, Deeplearning4j),
     * so their sources are read instead: no import of, or inline reference to, core's internals.
     */
    @Test
    void theBenchmarksReachCoreThroughItsFacadePackageAlone() throws IOException {
        Pattern internal = Pattern.compile("org\\.rnn4j\\.core\\.[a-z]\\w*\\.");
        List<String> breaches = new ArrayList<>();
        int files = 0;
        for (String module : List.of("benchmarks", "benchmarks-dl4j")) {
            try (Stream<Path> sources = Files.walk(Path.of("..", module, "src"))) {
                for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                    files++;
                    Matcher matcher = internal.matcher(Files.readString(source));
                    while (matcher.find()) {
                        breaches.add(source + ": " + matcher.group());
                    }
                }
            }
        }
        assertTrue(files > 3, "found " + files + " benchmark sources");
        assertEquals(List.of(), breaches);
    }

    /** The pom docs/writing-a-plugin.md prints is, verbatim, the one the archetype module's integration test builds. */
    @Test
    void theDocumentedPluginPomIsTheOneTheBuildBuilds() throws IOException {
        String page = Files.readString(Path.of("..", "docs", "writing-a-plugin.md"));
        Matcher block = Pattern.compile("```xml\n(<project>.*?</project>\n)```", Pattern.DOTALL).matcher(page);
        assertTrue(block.find(), "a pom in docs/writing-a-plugin.md");
        assertEquals(Files.readString(Path.of("..", "plugin-archetype", "src", "it", "docs-pom", "pom.xml")), block.group(1));
    }

    /** Release hygiene: every module's jar carries the licence and names its module. */
    @Test
    void everyJarCarriesTheLicenceAndAnAutomaticModuleName() throws IOException {
        List<String> missing = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.list(Path.of("..", module, "target"))) {
                for (Path jar : files.filter(p -> p.toString().endsWith(".jar") && !p.toString().endsWith("-sources.jar")
                        && !p.toString().endsWith("-javadoc.jar")).toList()) {
                    try (java.util.jar.JarFile file = new java.util.jar.JarFile(jar.toFile())) {
                        if (file.getEntry("META-INF/LICENSE") == null) {
                            missing.add(jar + ": no META-INF/LICENSE");
                        }
                        String name = file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                        if (name == null || !name.matches("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*")) {
                            missing.add(jar + ": Automatic-Module-Name " + name);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
        for (String module : List.of("api", "tck", "core")) {
            try (Stream<Path> files = Files.list(Path.of("..", module, "target"))) {
                assertEquals(2, files.filter(p -> p.toString().endsWith("-sources.jar") || p.toString().endsWith("-javadoc.jar"))
                        .count(), module + " has sources and javadoc jars");
            }
        }
    }
}
