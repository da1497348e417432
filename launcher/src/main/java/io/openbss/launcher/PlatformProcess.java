package io.openbss.launcher;

/** The processes of the local platform by the names that {@code ./bss restart} and {@code ./bss chaos} take. */
public enum PlatformProcess {
    BILLING_SERVICE("billing-service"),
    ORDERS_SERVICE("orders-service"),
    ENTERPRISE_SERVICE("enterprise-service"),
    GATEWAY("gateway"),
    CONSOLE("console"),
    POSTGRESQL(Watchdog.POSTGRESQL);

    private final String processName;

    PlatformProcess(String processName) {
        this.processName = processName;
    }

    /** The name the supervisor's state and the command line use. */
    @Override
    public String toString() {
        return processName;
    }
}
