package io.afterhours.admin.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.admin.control.SettingCatalog.Definition;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a value saved on the Settings page must look like, and how it is stored. */
class SettingCatalogTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "NONE",
            value = {
                "afterhours.request.max-length|pt8h|PT8H",
                "afterhours.request.max-length|PT480M|PT8H",
                "afterhours.request.max-length|P1D|PT24H",
                "afterhours.request.max-length|PT0S|NONE",
                "afterhours.request.max-length|-PT1H|NONE",
                "afterhours.request.max-length|8 hours|NONE",
                "afterhours.request.max-length|''|NONE",
                "afterhours.request.reminder-after|PT0S|PT0S",
                "afterhours.request.reminder-after|-PT1M|NONE",
                "afterhours.request.reason-required|TRUE|true",
                "afterhours.request.reason-required|yes|NONE",
                "afterhours.request.submit|Wait-For-Reason|wait-for-reason",
                "afterhours.request.submit|later|NONE",
                "afterhours.mail.port|587|587",
                "afterhours.mail.port|0|NONE",
                "afterhours.mail.port|65536|NONE",
                "afterhours.mail.port|-25|NONE",
                "afterhours.mail.host|smtp.corp.example.com|smtp.corp.example.com",
                "afterhours.mail.host|10.0.0.5|10.0.0.5",
                "afterhours.mail.host|smtp host|NONE",
                "afterhours.mail.from|afterhours@corp.example.com|afterhours@corp.example.com",
                "afterhours.mail.from|not an address|NONE",
                "afterhours.mail.from|''|NONE",
                "afterhours.mail.reply-to|''|''",
                "afterhours.mail.reply-to|a@b.example|a@b.example",
                "afterhours.mail.from-name|Afterhours portal|Afterhours portal",
                "afterhours.connector.overtime-action|lock|LOCK",
                "afterhours.connector.overtime-action|REBOOT|NONE",
                "afterhours.links.ttl|PT0S|NONE",
                "afterhours.links.ttl|PT12H|PT12H",
                "afterhours.mapping.user| Login , UserAccount ,,|Login,UserAccount",
                "afterhours.mapping.user|/User/Name,/Sessions/0|/User/Name,/Sessions/0",
                "afterhours.mapping.user|/a~1b/c~0d|/a~1b/c~0d",
                "afterhours.mapping.user|''|NONE",
                "afterhours.mapping.user|' , '|NONE",
                "afterhours.mapping.user|/|NONE",
                "afterhours.mapping.user|/User//Name|NONE",
                "afterhours.mapping.user|/User/~2|NONE",
                "afterhours.mapping.user|Lo\u0007gin|NONE",
                "afterhours.mapping.details|''|''",
                "afterhours.mapping.details|Reason|Reason",
                "afterhours.mapping.computer|/|NONE"
            })
    void normalisesGoodValuesAndRefusesBadOnes(String key, String raw, String stored) {
        Definition definition = SettingCatalog.find(key).orElseThrow();

        assertEquals(Optional.ofNullable(stored), SettingCatalog.normalise(definition, raw));
    }

    @Test
    void everyGroupHasSettingsAndEveryKindAProblemText() {
        for (String group : SettingCatalog.GROUPS) {
            assertTrue(!SettingCatalog.group(group).isEmpty(), group);
        }
        for (Definition d : SettingCatalog.all()) {
            assertTrue(SettingCatalog.problem(d).startsWith("settings.problem."), d.key());
        }
        assertEquals(Optional.empty(), SettingCatalog.find("afterhours.mail.password"), "secrets stay env-only");
        assertEquals(Optional.empty(), SettingCatalog.find(null));
    }

    @Test
    void theDefaultLengthMayNotExceedTheMaximum() {
        Map<String, String> values =
                Map.of("afterhours.request.default-length", "PT4H", "afterhours.request.max-length", "PT3H");

        assertEquals(List.of("settings.problem.defaultAboveMax"), SettingCatalog.crossCheck(values::get));
        assertEquals(
                List.of(),
                SettingCatalog.crossCheck(Map.of(
                        "afterhours.request.default-length", "PT3H", "afterhours.request.max-length", "PT3H")::get));
    }
}
