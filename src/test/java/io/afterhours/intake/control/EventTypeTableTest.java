package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.afterhours.intake.entity.EventCategory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The EventType code table, with the shipped defaults. */
class EventTypeTableTest {

    /** The {@code afterhours.event-types} default from microprofile-config.properties. */
    static String defaultTable() {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        Path file = Path.of(basedir, "src", "main", "resources", "META-INF", "microprofile-config.properties");
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        String table = properties.getProperty("afterhours.event-types");
        if (table == null) {
            throw new IllegalStateException("afterhours.event-types is missing from " + file);
        }
        return table;
    }

    private final EventTypeTable defaults = EventTypeTable.of(defaultTable());

    @ParameterizedTest
    @ValueSource(ints = {4, 104, 204, 504})
    void userLockDenialCodes(int code) {
        assertEquals(EventCategory.DENIED_BY_USERLOCK, defaults.categoryOf(code));
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 420, 120, 220})
    void activeDirectoryDenialCodes(int code) {
        assertEquals(EventCategory.DENIED_BY_AD, defaults.categoryOf(code));
    }

    @Test
    void sessionEventCodes() {
        assertEquals(EventCategory.LOGOFF, defaults.categoryOf(0));
        assertEquals(EventCategory.LOGON, defaults.categoryOf(1));
        assertEquals(EventCategory.LOCK, defaults.categoryOf(2));
        assertEquals(EventCategory.UNLOCK, defaults.categoryOf(3));
        assertEquals(EventCategory.RECONNECTION, defaults.categoryOf(5));
        assertEquals(EventCategory.DISCONNECTION, defaults.categoryOf(6));
    }

    @ParameterizedTest
    @ValueSource(ints = {999, -1, 7, 404, Integer.MAX_VALUE})
    void unknownCodeIsUnknown(int code) {
        assertEquals(EventCategory.UNKNOWN, defaults.categoryOf(code));
    }

    @Test
    void missingCodeIsUnknown() {
        assertEquals(EventCategory.UNKNOWN, defaults.categoryOf(null));
    }

    @Test
    void spacesEmptyEntriesAndLowerCaseCategoriesAreTolerated() {
        EventTypeTable table = EventTypeTable.of(" 7 : denied_by_userlock ,, 8:LOGON, ");

        assertEquals(EventCategory.DENIED_BY_USERLOCK, table.categoryOf(7));
        assertEquals(EventCategory.LOGON, table.categoryOf(8));
        assertEquals(EventCategory.UNKNOWN, table.categoryOf(4));
    }

    @Test
    void laterEntryForTheSameCodeWins() {
        EventTypeTable table = EventTypeTable.of("4:LOGON,4:DENIED_BY_AD");

        assertEquals(EventCategory.DENIED_BY_AD, table.categoryOf(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"4", "4:LOGON:X", "x:LOGON", "4:NOT_A_CATEGORY", ":LOGON", "4:", "4.0:LOGON"})
    void malformedTableIsRefused(String table) {
        assertThrows(IllegalArgumentException.class, () -> EventTypeTable.of(table));
    }
}
