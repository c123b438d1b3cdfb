package io.loadlens.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules Maven's module graph cannot enforce: the model is pure vocabulary, protocol
 * codecs and analytics do no I/O, no module reaches into another's {@code internal} package, and
 * nothing but the app depends on the app.
 */
class LayeringTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importAll() {
    // The other modules arrive as jars (reactor or local repository); tests are left out.
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.loadlens");
  }

  @Test
  void theModelDependsOnTheJdkOnly() {
    classes()
        .that()
        .resideInAPackage("io.loadlens.model..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.loadlens.model..", "java..")
        .check(classes);
  }

  @Test
  void protocolCodecsDoNoNetworkOrFileIo() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.loadlens.dlms.axdr..",
            "io.loadlens.dlms.apdu..",
            "io.loadlens.dlms.hdlc..",
            "io.loadlens.dlms.wrapper..",
            "io.loadlens.dlms.security..",
            "io.loadlens.dlms.cosem..",
            "io.loadlens.wmbus..",
            "io.loadlens.zigbee..")
        .and()
        // The wM-Bus receiver's key files are the one I/O these modules do, kept apart for that.
        .resideOutsideOfPackage("io.loadlens.wmbus.receiver..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..", "javax.net..")
        .check(classes);
  }

  @Test
  void analyticsArePureComputation() {
    noClasses()
        .that()
        .resideInAnyPackage("io.loadlens.vee..", "io.loadlens.insights..")
        .and()
        .resideOutsideOfPackages(
            "io.loadlens.vee.eval..",
            "io.loadlens.vee.bench..",
            "io.loadlens.insights.eval..",
            "io.loadlens.insights.bench..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("java.net..", "java.nio.file..", "java.sql..", "java.io..")
        .check(classes);
  }

  @Test
  void noModuleReachesIntoAnothersInternalPackage() {
    for (String module :
        new String[] {
          "dlms",
          "simulator",
          "collector",
          "transport",
          "store",
          "vee",
          "insights",
          "server",
          "iec21",
          "wmbus",
          "zigbee"
        }) {
      noClasses()
          .that()
          .resideOutsideOfPackage("io.loadlens." + module + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.loadlens." + module + ".internal..")
          .allowEmptyShould(true)
          .check(classes);
    }
  }

  @Test
  void onlyTheAppDependsOnTheApp() {
    noClasses()
        .that()
        .resideOutsideOfPackage("io.loadlens.app..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.loadlens.app..")
        .check(classes);
  }

  @Test
  void modulesHaveNoCycles() {
    SlicesRuleDefinition.slices()
        .matching("io.loadlens.(*)..")
        .should()
        .beFreeOfCycles()
        .check(classes);
  }
}
