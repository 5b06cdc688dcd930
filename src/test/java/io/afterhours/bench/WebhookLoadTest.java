package io.afterhours.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.afterhours.bench.WebhookLoad.Events;
import io.afterhours.bench.WebhookLoad.Generator;
import io.afterhours.bench.WebhookLoad.Histogram;
import io.afterhours.bench.WebhookLoad.Kind;
import io.afterhours.bench.WebhookLoad.Options;
import io.afterhours.bench.WebhookLoad.Sent;
import io.afterhours.bench.WebhookLoad.Server;
import io.afterhours.intake.control.EventTimes;
import io.afterhours.intake.control.JsonText;
import io.afterhours.intake.control.StrictJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The pure parts of the load generator: bodies, duplicates, percentiles, options. No server involved. */
class WebhookLoadTest {

    static final String PRIMARY = "5d1f6c2e-8a4b-4c1e-9f3a-2b7e0c9d1a44";
    static final String BACKUP = "9c0e1a2b-3d4e-4f5a-8b6c-7d8e9f0a1b2c";
    static final Instant NOW = Instant.parse("2025-03-12T20:47:05.123456Z");

    static Events events(String backupId, double duplicates) {
        long micros = NOW.getEpochSecond() * 1_000_000L + NOW.getNano() / 1_000;
        return new Events(
                "0a1b2c3d",
                new Server(PRIMARY, "ulsrv01.corp.example.com", "ULSRV01"),
                backupId == null ? null : new Server(backupId, "ulsrv02.corp.example.com", "ULSRV02"),
                duplicates,
                new int[] {45, 45, 10},
                600,
                ZoneOffset.ofHours(1),
                () -> micros,
                new AtomicLong(),
                new AtomicLong());
    }

    /** Parsed with the server's own strict parser: duplicate member names, bad UTF-8 or trailing junk fail. */
    static Map<String, Object> parse(byte[] body) {
        return StrictJson.parseObject(body, 32);
    }

    @Test
    void bodyIsStrictJsonWithTheUserLockMembers() {
        Generator generator = events(BACKUP, 0).generator(1);

        for (int i = 0; i < 200; i++) {
            Sent sent = generator.next();
            Map<String, Object> body = parse(sent.body());

            assertEquals(Kind.ORIGINAL, sent.kind());
            assertTrue(
                    sent.body().length >= 590 && sent.body().length <= 610, "about 600 bytes: " + sent.body().length);
            @SuppressWarnings("unchecked")
            Map<String, Object> server = (Map<String, Object>) body.get("Userlock");
            assertEquals(PRIMARY, server.get("Id"));
            assertEquals("ulsrv01.corp.example.com", server.get("FQDN"));
            assertEquals("ULSRV01", server.get("DisplayName"));
            int type = ((BigDecimal) body.get("EventType")).intValueExact();
            assertTrue(Set.of(0, 1, 4).contains(type), "event type " + type);
            String time = (String) body.get("EventTime");
            assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{7}\\+01:00"), time);
            assertTrue(EventTimes.parse(time, ZoneOffset.UTC).isPresent(), time);
            assertTrue(((String) body.get("UserAccount")).startsWith("bench-0a1b2c3d-u"));
            assertTrue(((String) body.get("SessionId")).startsWith("0a1b2c3d-"));
            for (String member : List.of("UserDomain", "ComputerName", "ClientAddress")) {
                assertTrue(body.get(member) instanceof String text && !text.isBlank(), member);
            }
            assertTrue(body.get("SessionType") instanceof BigDecimal);
        }
    }

    @Test
    void everyOriginalHasItsOwnEventTimeAndSessionIdEvenWithAStoppedClock() {
        Generator generator = events(null, 0).generator(2);
        Set<Instant> times = new HashSet<>();
        Set<String> sessions = new HashSet<>();
        Map<Integer, Integer> types = new HashMap<>();

        for (int i = 0; i < 10_000; i++) {
            Map<String, Object> body = parse(generator.next().body());
            // Compared as the server keeps them: truncated to microseconds.
            times.add(EventTimes.parse((String) body.get("EventTime"), ZoneOffset.UTC)
                    .orElseThrow());
            sessions.add((String) body.get("SessionId"));
            types.merge(((BigDecimal) body.get("EventType")).intValueExact(), 1, Integer::sum);
        }

        assertEquals(10_000, times.size());
        assertEquals(10_000, sessions.size());
        assertEquals(Set.of(0, 1, 4), types.keySet());
        assertTrue(types.get(4) > 700 && types.get(4) < 1300, "about 10 % denied: " + types);
    }

    @Test
    void eventTimeHasSevenDigitsAndAnExplicitOffset() {
        long micros = NOW.getEpochSecond() * 1_000_000L + NOW.getNano() / 1_000;

        assertEquals("2025-03-12T21:47:05.1234567+01:00", Events.eventTime(micros, 7, ZoneOffset.ofHours(1)));
        assertEquals(
                "2025-03-12T20:47:05.0000030+00:00",
                Events.eventTime(NOW.getEpochSecond() * 1_000_000L + 3, 0, ZoneOffset.UTC));
    }

    @Test
    void duplicateShareIsRespectedAndSplitBetweenReplaysAndBackupCopies() {
        Generator generator = events(BACKUP, 0.2).generator(3);
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);

        for (int i = 0; i < 10_000; i++) {
            kinds.merge(generator.next().kind(), 1, Integer::sum);
        }

        int duplicates = kinds.getOrDefault(Kind.REPLAY, 0) + kinds.getOrDefault(Kind.BACKUP, 0);
        assertTrue(duplicates >= 1_800 && duplicates <= 2_200, "about 20 % duplicates: " + kinds);
        assertTrue(
                kinds.get(Kind.BACKUP) >= 0.4 * duplicates && kinds.get(Kind.BACKUP) <= 0.6 * duplicates,
                "about half Backup copies: " + kinds);
    }

    @Test
    void withoutABackupIdEveryDuplicateIsAnExactReplay() {
        Generator generator = events(null, 0.5).generator(4);
        Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);

        for (int i = 0; i < 2_000; i++) {
            kinds.merge(generator.next().kind(), 1, Integer::sum);
        }

        assertNull(kinds.get(Kind.BACKUP));
        assertTrue(kinds.get(Kind.REPLAY) > 800, kinds.toString());
    }

    @Test
    void replaysAreByteIdenticalAndBackupCopiesDifferOnlyInTheUserlockObject() {
        Generator generator = events(BACKUP, 0.3).generator(5);
        Map<Long, byte[]> originals = new HashMap<>();
        int replays = 0;
        int backups = 0;

        for (int i = 0; i < 3_000; i++) {
            Sent sent = generator.next();
            switch (sent.kind()) {
                case ORIGINAL -> originals.put(sent.event().seq(), sent.body());
                case REPLAY -> {
                    assertArrayEquals(originals.get(sent.event().seq()), sent.body());
                    replays++;
                }
                case BACKUP -> {
                    byte[] original = originals.get(sent.event().seq());
                    assertNotNull(original);
                    Map<String, Object> copy = parse(sent.body());
                    Map<String, Object> first = parse(original);
                    assertEquals(withoutUserlock(first), withoutUserlock(copy));
                    assertNotEquals(first.get("Userlock"), copy.get("Userlock"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> server = (Map<String, Object>) copy.get("Userlock");
                    assertEquals(BACKUP, server.get("Id"));
                    assertEquals(new ArrayList<>(first.keySet()), new ArrayList<>(copy.keySet()));
                    backups++;
                }
                default -> throw new AssertionError(sent.kind());
            }
        }

        assertTrue(replays > 100 && backups > 100, replays + " replays, " + backups + " backup copies");
    }

    static String withoutUserlock(Map<String, Object> body) {
        Map<String, Object> rest = new LinkedHashMap<>(body);
        rest.remove("Userlock");
        return JsonText.canonical(rest);
    }

    @Test
    void jsonStringsFromTheCommandLineAreEscaped() {
        Events events = new Events(
                "0a1b2c3d",
                new Server("a\"b\\c\u0001", "f", "d"),
                null,
                0,
                new int[] {1, 0, 0},
                600,
                ZoneOffset.UTC,
                () -> 0L,
                new AtomicLong(),
                new AtomicLong());

        Map<String, Object> body = parse(events.generator(6).next().body());

        @SuppressWarnings("unchecked")
        Map<String, Object> server = (Map<String, Object>) body.get("Userlock");
        assertEquals("a\"b\\c\u0001", server.get("Id"));
    }

    @Test
    void percentilesOfKnownDataAreExactBelowTwoMicroseconds() {
        Histogram histogram = new Histogram();
        for (long v = 1000; v >= 1; v--) {
            histogram.record(v);
        }

        assertEquals(1_000, histogram.count());
        assertEquals(1, histogram.percentile(0));
        assertEquals(500, histogram.percentile(50));
        assertEquals(900, histogram.percentile(90));
        assertEquals(990, histogram.percentile(99));
        assertEquals(1_000, histogram.percentile(100));
        assertEquals(1_000, histogram.max());
        assertEquals(500.5, histogram.mean(), 1e-9);
    }

    @Test
    void percentilesOfLargeValuesAreWithinOneThousandthRoundedUp() {
        Histogram histogram = new Histogram();
        // 1..100 ms in 1 ms steps, so the nearest-rank p50 is 50 ms, p90 90 ms, p99 99 ms.
        for (int ms = 1; ms <= 100; ms++) {
            histogram.record(ms * 1_000_000L + 12_345);
        }

        for (int p : new int[] {50, 90, 99}) {
            long exact = p * 1_000_000L + 12_345;
            long reported = histogram.percentile(p);
            assertTrue(reported >= exact && reported <= exact * 1.001, p + ": " + reported + " vs " + exact);
        }
        assertEquals(100_012_345L, histogram.max());
        assertEquals(100_012_345L, histogram.percentile(100));
    }

    @Test
    void percentilesOfSkewedDataAndMergedHistograms() {
        Histogram fast = new Histogram();
        Histogram slow = new Histogram();
        for (int i = 0; i < 980; i++) {
            fast.record(1_000);
        }
        for (int i = 0; i < 20; i++) {
            slow.record(2_000_000_000L);
        }

        fast.add(slow);

        assertEquals(1_000, fast.percentile(50));
        assertEquals(1_000, fast.percentile(98));
        assertTrue(fast.percentile(99) >= 2_000_000_000L && fast.percentile(99) <= 2_002_000_000L);
        assertEquals(2_000_000_000L, fast.max());
        assertEquals(0, new Histogram().percentile(99));
    }

    @Test
    void histogramBucketsAreMonotonicAndCoverTheirValues() {
        long previous = -1;
        for (long v = 0; v < 1L << 37; v = v < 4096 ? v + 1 : v + v / 997) {
            int index = Histogram.index(v);
            long high = Histogram.highestEquivalent(index);
            assertTrue(high >= v && high <= v + v / 1000, v + " -> " + high);
            assertTrue(high >= previous);
            previous = high;
        }
        assertEquals(Histogram.index((1L << 37) - 1), Histogram.index(Long.MAX_VALUE));
    }

    @Test
    void optionsHaveTheDocumentedDefaults() {
        Options options = Options.parse(new String[] {"--url", "http://127.0.0.1:8080/", "--id", PRIMARY});

        assertEquals("http://127.0.0.1:8080", options.baseUrl());
        assertEquals(20, options.seconds());
        assertEquals(32, options.connections());
        assertEquals(5, options.warmup());
        assertEquals(0, options.rate());
        assertEquals(0.2, options.duplicates());
        assertNull(options.backupId());
        assertEquals(List.of(WebhookLoad.Target.WEBHOOK), options.targets());
    }

    @Test
    void optionsAcceptEveryFlag() {
        Options options = Options.parse(new String[] {
            "--url=http://localhost:8080/ctx",
            "--id",
            PRIMARY,
            "--backup-id",
            BACKUP,
            "--target",
            "both",
            "--seconds",
            "3",
            "--warmup",
            "0",
            "--connections",
            "4",
            "--rate",
            "500",
            "--duplicates",
            "0.5",
            "--mix",
            "1:1:0",
            "--body-bytes",
            "800",
            "--timeout",
            "2"
        });

        assertEquals("http://localhost:8080/ctx", options.baseUrl());
        assertEquals(BACKUP, options.backupId());
        assertEquals(List.of(WebhookLoad.Target.NOOP, WebhookLoad.Target.WEBHOOK), options.targets());
        assertEquals(500, options.rate());
        assertArrayEquals(new int[] {1, 1, 0}, options.mix());
        assertEquals(800, options.bodyBytes());
    }

    @Test
    void optionsRefuseNonLoopbackUrlsMissingIdsAndUnboundedRuns() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--url", "http://10.0.0.1:8080", "--id", PRIMARY}));
        assertThrows(
                IllegalArgumentException.class, () -> Options.parse(new String[] {"--url", "http://127.0.0.1:8080"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.parse(
                        new String[] {"--url", "http://127.0.0.1:8080", "--id", PRIMARY, "--seconds", "0"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.parse(
                        new String[] {"--url", "http://127.0.0.1:8080", "--id", PRIMARY, "--seconds", "100000"}));
        assertThrows(
                IllegalArgumentException.class,
                () -> Options.parse(new String[] {"--url", "http://127.0.0.1:8080", "--id", PRIMARY, "--bogus", "1"}));
        assertEquals(
                WebhookLoad.PLACEHOLDER_ID,
                Options.parse(new String[] {"--url", "http://[::1]:8080", "--target", "noop"})
                        .id());
        assertNull(Options.parse(new String[] {"--help"}));
    }

    @Test
    void resultLineIsOneLineOfKeyValuePairs() {
        Options options = Options.parse(new String[] {"--url", "http://127.0.0.1:8080", "--id", PRIMARY});
        WebhookLoad.Stats stats = new WebhookLoad.Stats();
        Generator generator = events(BACKUP, 0.2).generator(7);
        for (int i = 0; i < 100; i++) {
            stats.sent(generator.next());
            stats.answered(
                    200, i % 10 == 0 ? "{\"status\":\"duplicate\"}" : "{\"status\":\"stored\"}", (i + 1) * 100_000L);
        }
        WebhookLoad.Result result = new WebhookLoad.Result(
                WebhookLoad.Target.WEBHOOK,
                "http://127.0.0.1:8080/api/userlock/notifications",
                options,
                "0a1b2c3d",
                stats,
                stats,
                2.0,
                0,
                0);

        String line = result.resultLine();

        assertTrue(line.startsWith("RESULT "));
        assertFalse(line.contains("\n"));
        Map<String, String> kv = new HashMap<>();
        for (String pair : line.substring("RESULT ".length()).split(" ")) {
            String[] parts = pair.split("=", 2);
            assertEquals(2, parts.length, pair);
            kv.put(parts[0], parts[1]);
        }
        assertEquals("100", kv.get("requests"));
        assertEquals("50.0", kv.get("rps"));
        // Histogram values are rounded up to their bucket, at most 0.1 % above the exact 5.0 and 9.9 ms.
        assertEquals(WebhookLoad.ms(stats.latency.percentile(50)), kv.get("p50_ms"));
        assertEquals(5.0, Double.parseDouble(kv.get("p50_ms")), 0.005);
        assertEquals(9.9, Double.parseDouble(kv.get("p99_ms")), 0.01);
        assertEquals("10.000", kv.get("max_ms"));
        assertEquals("100", kv.get("status_200"));
        assertEquals("90", kv.get("stored"));
        assertEquals("10", kv.get("duplicate"));
        assertEquals(100, Long.parseLong(kv.get("unique")) + Long.parseLong(kv.get("duplicates")));
        assertTrue(result.report().contains("p99 " + kv.get("p99_ms")), result.report());
    }
}
