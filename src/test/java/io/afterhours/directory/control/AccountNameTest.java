package io.afterhours.directory.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AccountNameTest {

    @Test
    void readsTheThreeForms() {
        assertEquals(new AccountName("CORP", "jdoe", false), AccountName.parse("corp\\jdoe"));
        assertEquals(new AccountName(null, "jdoe@corp.example", true), AccountName.parse("jdoe@corp.example"));
        assertEquals(new AccountName(null, "jdoe", false), AccountName.parse(" jdoe "));
    }

    @Test
    void keepsMalformedFormsAsPlainNames() {
        assertEquals(new AccountName(null, "\\jdoe", false), AccountName.parse("\\jdoe"));
        assertEquals(new AccountName(null, "CORP\\", false), AccountName.parse("CORP\\"));
        assertEquals(new AccountName(null, "jdoe@", false), AccountName.parse("jdoe@"));
    }

    @Test
    void refusesBlankNames() {
        assertThrows(IllegalArgumentException.class, () -> AccountName.parse("  "));
        assertThrows(IllegalArgumentException.class, () -> AccountName.parse(null));
    }
}
