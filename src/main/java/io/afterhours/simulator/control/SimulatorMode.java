package io.afterhours.simulator.control;

import java.util.Optional;

/**
 * Whether the UserLock simulator runs ({@code afterhours.simulator.enabled}): by default only with the demo
 * directory. It stands in for UserLock and accepts a generated bridge token, so with a real directory
 * ({@code afterhours.directory.mode=ldap}) real accounts would be "protected" by a fake server: that combination
 * refuses to start, as demo mail does.
 */
public final class SimulatorMode {

    private SimulatorMode() {}

    public static boolean enabled(Optional<Boolean> configured, String directoryMode) {
        boolean demo = "demo".equalsIgnoreCase(directoryMode.strip());
        boolean enabled = configured.orElse(demo);
        if (enabled && !demo) {
            throw new IllegalStateException(
                    "afterhours.simulator.enabled=true runs a fake UserLock server, which is for"
                            + " the demo directory only; with afterhours.directory.mode=" + directoryMode
                            + " remove it (AFTERHOURS_SIMULATOR_ENABLED) or set it to false");
        }
        return enabled;
    }
}
