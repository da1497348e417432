package io.openbss.gateway;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The gateway's feature packages depend on each other one way only: a package can be read, and changed, knowing
 * only those below it (the public API's pipeline on top, errors at the bottom).
 */
class ArchitectureTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.openbss.gateway");

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("io.openbss.gateway.(*)..").should().beFreeOfCycles().check(GATEWAY);
    }
}
