package io.afterhours.simulator.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SimulatorModeTest {

    @Test
    void onByDefaultWithTheDemoDirectoryOnly() {
        assertTrue(SimulatorMode.enabled(Optional.empty(), "demo"));
        assertFalse(SimulatorMode.enabled(Optional.empty(), "ldap"));
        assertFalse(SimulatorMode.enabled(Optional.of(false), "demo"));
    }

    @Test
    void refusesToRunWithARealDirectory() {
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> SimulatorMode.enabled(Optional.of(true), "ldap"));
        assertTrue(refused.getMessage().contains("AFTERHOURS_SIMULATOR_ENABLED"));
    }
}
