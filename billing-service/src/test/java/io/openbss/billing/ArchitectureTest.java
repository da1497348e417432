package io.openbss.billing;

import io.openbss.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        PackageCycles.assertNone("io.openbss.billing");
    }
}
