package io.openbss.testing;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages of a module depend on each other one way only, so that a package can be read, and changed,
 * knowing only those below it. Each module's {@code ArchitectureTest} checks its own root package.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails, naming every cycle, if the packages directly below {@code root} depend on each other in a cycle. */
    public static void assertNone(String root) {
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages(root));
    }
}
