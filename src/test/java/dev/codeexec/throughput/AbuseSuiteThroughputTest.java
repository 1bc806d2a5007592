package dev.codeexec.throughput;

import dev.codeexec.abuse.AbuseSuiteTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The whole abuse suite again, every program in throughput mode (long-lived containers, fresh namespaces per step). */
@QuarkusTest
@TestProfile(ThroughputProfile.class)
class AbuseSuiteThroughputTest extends AbuseSuiteTest {

    @Override
    protected String mode() {
        return "throughput";
    }
}
