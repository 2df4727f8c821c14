package io.tributary.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the module arrows of the design true: dependencies only go down sql → connectors → jobs |
 * api.
 */
class ModuleBoundariesTest {

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary");
  }

  @Test
  void analyzerKnowsNothingOfFlinkJdbcOrHttp() {
    noClasses()
        .that()
        .resideInAPackage("io.tributary.sql..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.flink..",
            "java.sql..",
            "javax.sql..",
            "io.javalin..",
            "io.tributary.connectors..",
            "io.tributary.jobs..",
            "io.tributary.api..",
            "io.tributary.cli..")
        .check(classes);
  }

  @Test
  void connectorsDoNotDependOnJobsApiOrCli() {
    noClasses()
        .that()
        .resideInAPackage("io.tributary.connectors..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tributary.jobs..", "io.tributary.api..", "io.tributary.cli..")
        .check(classes);
  }

  @Test
  void jobsAndApiNeverDependOnEachOther() {
    noClasses()
        .that()
        .resideInAPackage("io.tributary.jobs..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tributary.api..", "io.tributary.cli..")
        .check(classes);
    noClasses()
        .that()
        .resideInAPackage("io.tributary.api..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.tributary.jobs..", "io.tributary.cli..", "org.apache.flink..")
        .check(classes);
  }

  /** Within a module, packages depend on each other one way: jobs.openlineage on jobs.pipeline. */
  @Test
  void packagesWithinAModuleHaveNoCycles() {
    slices().matching("io.tributary.(*).(*)..").should().beFreeOfCycles().check(classes);
  }
}
