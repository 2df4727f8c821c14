package io.tributary.sql;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import io.tributary.sql.model.LayeringViolation;
import io.tributary.sql.resolve.Scope;
import org.junit.jupiter.api.Test;

/**
 * Keeps the analyzer's packages layered: model ← dialect ← catalog ← resolve ← lineage, with parse
 * (text to statements) on dialect and model, fingerprint on parse, and the analyzer's entry point
 * and its JSON face on top.
 */
class PackageLayersTest {

  static LayeredArchitecture layers() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("model")
        .definedBy("io.tributary.sql.model..")
        .layer("dialect")
        .definedBy("io.tributary.sql.dialect..")
        .layer("catalog")
        .definedBy("io.tributary.sql.catalog..")
        .layer("parse")
        .definedBy("io.tributary.sql.parse..")
        .layer("resolve")
        .definedBy("io.tributary.sql.resolve..")
        .layer("lineage")
        .definedBy("io.tributary.sql.lineage..")
        .layer("fingerprint")
        .definedBy("io.tributary.sql.fingerprint..")
        .layer("analyzer")
        .definedBy("io.tributary.sql")
        .layer("json")
        .definedBy("io.tributary.sql.json..")
        .whereLayer("model")
        .mayNotAccessAnyLayer()
        .whereLayer("dialect")
        .mayOnlyAccessLayers("model")
        .whereLayer("catalog")
        .mayOnlyAccessLayers("model", "dialect")
        .whereLayer("parse")
        .mayOnlyAccessLayers("model", "dialect")
        .whereLayer("resolve")
        .mayOnlyAccessLayers("model", "dialect", "catalog")
        .whereLayer("lineage")
        .mayOnlyAccessLayers("model", "dialect", "catalog", "resolve", "parse")
        .whereLayer("fingerprint")
        .mayOnlyAccessLayers("model", "dialect", "parse")
        .whereLayer("analyzer")
        .mayOnlyAccessLayers("model", "dialect", "catalog", "parse", "lineage", "fingerprint")
        .whereLayer("json")
        .mayOnlyAccessLayers("model", "dialect", "catalog", "analyzer");
  }

  @Test
  void theAnalyzersPackagesOnlyUseTheLayersBelowThem() {
    JavaClasses main =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.tributary.sql");
    layers().check(main);
  }

  @Test
  void aModelClassThatUsesAScopeBreaksTheLayers() {
    JavaClasses violating =
        new ClassFileImporter().importClasses(LayeringViolation.class, Scope.class);
    assertThat(layers().evaluate(violating).hasViolation()).isTrue();
  }
}
