package io.openbss.gateway;

import io.openbss.testing.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void featurePackagesAreFreeOfCycles() {
        PackageCycles.assertNone("io.openbss.gateway");
    }
}
