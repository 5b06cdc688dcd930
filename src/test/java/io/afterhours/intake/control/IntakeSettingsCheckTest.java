package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.platform.control.ApplicationStartup.SchemaReady;
import java.time.DateTimeException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntakeSettingsCheckTest {

    private IntakeSettingsCheck check;

    @BeforeEach
    void setUp() {
        check = new IntakeSettingsCheck();
        check.whitelist = new UserLockIdWhitelist();
        check.whitelist.primary = Optional.of("6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b");
        check.whitelist.backup = Optional.empty();
        check.whitelist.previous = Optional.empty();
        check.eventTypes = EventTypeTable.of("4:DENIED_BY_USERLOCK");
        check.mapping = FieldMapping.of(Map.of());
        check.userLockZone = "UTC";
        check.maxBodyBytes = 65_536;
    }

    @Test
    void acceptsTheDefaults() {
        assertDoesNotThrow(() -> check.check(new SchemaReady()));
    }

    @Test
    void refusesABodyLimitTheDatabaseCouldNotStore() {
        check.maxBodyBytes = 300_000;

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> check.check(new SchemaReady()));
        assertTrue(e.getMessage().contains("afterhours.intake.max-body-bytes"), e.getMessage());
    }

    @Test
    void refusesAnUnknownUserLockZone() {
        check.userLockZone = "Mars/Olympus_Mons";

        assertThrows(DateTimeException.class, () -> check.check(new SchemaReady()));
    }
}
