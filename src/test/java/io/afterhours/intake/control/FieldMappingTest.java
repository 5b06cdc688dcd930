package io.afterhours.intake.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finding the unconfirmed members by candidate names and JSON pointers. */
class FieldMappingTest {

    private final FieldMapping defaults = FieldMapping.of(Map.of());

    @Test
    void defaultCandidatesMatchCaseInsensitively() {
        Map<String, Object> body = parse("""
                {"useraccount":"jdoe","USERDOMAIN":"CORP","ComputerName":"PC-42","ipaddress":"10.1.2.3",
                 "SessionType":"RDP","SESSIONID":"7","LogonInfo":"Outside hours"}""");

        Map<LogicalField, String> fields = defaults.extract(body);

        assertEquals(
                Map.of(
                        LogicalField.USER, "jdoe",
                        LogicalField.DOMAIN, "CORP",
                        LogicalField.COMPUTER, "PC-42",
                        LogicalField.CLIENT_ADDRESS, "10.1.2.3",
                        LogicalField.SESSION_TYPE, "RDP",
                        LogicalField.SESSION_ID, "7",
                        LogicalField.DETAILS, "Outside hours"),
                fields);
    }

    @Test
    void laterDefaultCandidatesAreTriedWhenEarlierOnesAreAbsent() {
        Map<String, Object> body = parse("{\"SamAccountName\":\"jdoe\",\"HostName\":\"PC-1\",\"Message\":\"m\"}");

        Map<LogicalField, String> fields = defaults.extract(body);

        assertEquals("jdoe", fields.get(LogicalField.USER));
        assertEquals("PC-1", fields.get(LogicalField.COMPUTER));
        assertEquals("m", fields.get(LogicalField.DETAILS));
    }

    @Test
    void firstCandidateWinsWhateverTheBodyOrder() {
        Map<String, Object> body = parse("{\"UserName\":\"second\",\"UserAccount\":\"first\"}");

        assertEquals("first", defaults.extract(body).get(LogicalField.USER));
    }

    @Test
    void jsonPointerCandidateFollowsNestedObjectsCaseInsensitively() {
        FieldMapping mapping = FieldMapping.of(Map.of(LogicalField.USER, "/User/Name"));
        Map<String, Object> body = parse("{\"user\":{\"NAME\":\"jdoe\",\"Domain\":\"CORP\"}}");

        assertEquals("jdoe", mapping.extract(body).get(LogicalField.USER));
    }

    @Test
    void jsonPointerCanIndexArraysAndUnescapeSegments() {
        FieldMapping mapping = FieldMapping.of(Map.of(
                LogicalField.SESSION_ID, "/Sessions/1/Id",
                LogicalField.COMPUTER, "/a~1b/c~0d"));
        Map<String, Object> body = parse("{\"Sessions\":[{\"Id\":\"s0\"},{\"Id\":\"s1\"}],\"a/b\":{\"c~d\":\"PC\"}}");

        Map<LogicalField, String> fields = mapping.extract(body);

        assertEquals("s1", fields.get(LogicalField.SESSION_ID));
        assertEquals("PC", fields.get(LogicalField.COMPUTER));
    }

    @Test
    void jsonPointerThatLeadsNowhereDoesNotMap() {
        FieldMapping mapping = FieldMapping.of(Map.of(LogicalField.USER, "/User/Name,/Sessions/5,/Sessions/x,/s/Name"));
        Map<String, Object> body = parse("{\"User\":\"flat\",\"Sessions\":[\"a\"],\"s\":\"text\"}");

        assertFalse(mapping.extract(body).containsKey(LogicalField.USER));
    }

    @Test
    void numbersAreMappedAsTheirDecimalText() {
        Map<String, Object> body = parse("{\"SessionId\":42,\"SessionType\":2.0,\"Details\":1E+3}");

        Map<LogicalField, String> fields = defaults.extract(body);

        assertEquals("42", fields.get(LogicalField.SESSION_ID));
        assertEquals("2", fields.get(LogicalField.SESSION_TYPE));
        assertEquals("1000", fields.get(LogicalField.DETAILS));
    }

    @Test
    void objectsArraysBooleansNullsAndBlanksAreNotMappedAndTheNextCandidateIsTried() {
        Map<String, Object> body = parse("""
                {"UserAccount":{"Name":"x"},"UserName":["x"],"User":true,"AccountName":null,
                 "SamAccountName":"   ","Account":"jdoe"}""");

        assertEquals("jdoe", defaults.extract(body).get(LogicalField.USER));
    }

    @Test
    void nothingMappableGivesNoEntry() {
        Map<String, Object> body = parse("{\"UserAccount\":{\"Name\":\"x\"}}");

        assertEquals(Map.of(), defaults.extract(body));
    }

    @Test
    void overrideReplacesTheDefaultCandidates() {
        FieldMapping mapping = FieldMapping.of(Map.of(LogicalField.USER, "Login"));
        Map<String, Object> body = parse("{\"UserAccount\":\"default\",\"login\":\"override\"}");

        assertEquals("override", mapping.extract(body).get(LogicalField.USER));
    }

    @Test
    void unmappedMembersListsWhatNothingCoversInBodyOrder() {
        Map<String, Object> body = parse("""
                {"Userlock":{"Id":"x"},"Zeta":1,"EVENTTYPE":4,"eventTime":"t","useraccount":"jdoe","Foo":{},
                 "computername":"PC","bar":[]}""");

        assertEquals(List.of("Zeta", "Foo", "bar"), defaults.unmappedMembers(body));
    }

    @Test
    void firstSegmentOfAPointerCandidateCountsAsMapped() {
        FieldMapping mapping = FieldMapping.of(Map.of(LogicalField.USER, "/Subject/Name"));
        Map<String, Object> body = parse("{\"subject\":{\"Name\":\"jdoe\"},\"UserAccount\":\"x\",\"Other\":1}");

        // UserAccount is no candidate any more once USER is overridden, so it is reported.
        assertEquals(List.of("UserAccount", "Other"), mapping.unmappedMembers(body));
    }

    private static Map<String, Object> parse(String json) {
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), 32);
    }

    @Test
    void aSavedMappingAppliesOnceTheSettingsMoveOnAndIsNotRebuiltBefore() {
        java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong(1);
        Map<String, String> values = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();
        FieldMapping mapping = new FieldMapping();
        mapping.settings = new io.afterhours.admin.boundary.Settings() {
            @Override
            public String value(String key) {
                reads.incrementAndGet();
                return values.getOrDefault(key, "");
            }

            @Override
            public long generation() {
                return generation.get();
            }
        };
        values.put("afterhours.mapping.user", "UserAccount");
        Map<String, Object> body = parse("{\"UserAccount\":\"old\",\"Login\":\"new\"}");

        assertEquals("old", mapping.extract(body).get(LogicalField.USER));
        assertEquals(List.of("Login"), mapping.unmappedMembers(body));
        int afterFirst = reads.get();
        mapping.extract(body);
        mapping.unmappedMembers(body);
        assertEquals(afterFirst, reads.get(), "no settings read while the generation stays");

        values.put("afterhours.mapping.user", "Login,UserAccount");
        assertEquals("old", mapping.extract(body).get(LogicalField.USER), "kept until the settings move on");
        generation.incrementAndGet();
        assertEquals("new", mapping.extract(body).get(LogicalField.USER));
        assertEquals(List.of(), mapping.unmappedMembers(body));
        assertEquals(List.of("Login", "UserAccount"), mapping.candidates().get(LogicalField.USER));
    }
}
