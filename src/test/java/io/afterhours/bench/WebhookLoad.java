package io.afterhours.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Load generator for the webhook throughput target (product.md §3) and the load figures we report (reliability.md
 * §3). JDK only, so it runs from {@code target/test-classes} with no classpath:
 *
 * <pre>
 * java -cp target/test-classes io.afterhours.bench.WebhookLoad --url http://127.0.0.1:8080 --id &lt;UserLock ID&gt;
 * </pre>
 *
 * Each connection is one thread with its own HTTP/1.1 keep-alive client, sending closed-loop (or on a fixed schedule
 * with {@code --rate}). Bodies are realistic ~600-byte UserLock notifications; a configurable share are re-sends of an
 * earlier event, either byte-identical or the Backup server's copy, so the server's de-duplication is loaded too. The
 * run is bounded by {@code --warmup + --seconds} plus one request timeout, and it only talks to a loopback URL.
 */
public final class WebhookLoad {

    static final String WEBHOOK_PATH = "/api/userlock/notifications";
    static final String NOOP_PATH = "/api/bench/noop";
    /** Stands in for the UserLock ID when only the no-op endpoint is loaded (it never looks at the body). */
    static final String PLACEHOLDER_ID = "00000000-0000-0000-0000-000000000000";
    /** Pause after a failed request in closed-loop mode, so a refused connection does not become a busy loop. */
    private static final long ERROR_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    static final String USAGE = String.join(
            "\n",
            "Usage: java -cp target/test-classes io.afterhours.bench.WebhookLoad --url http://127.0.0.1:8080 --id <UserLock ID> [options]",
            "  --url URL            base URL of the application (loopback only); the endpoint paths are appended",
            "  --id ID              UserLock ID of the Primary server (required unless --target noop)",
            "  --backup-id ID       UserLock ID of the Backup server; half of the duplicates are then Backup copies",
            "  --target T           webhook | noop | both (both: no-op first, then webhook, then the ratio); default webhook",
            "  --seconds S          measured duration per target; default 20 (max 3600)",
            "  --warmup S           warm-up per target, not counted; default 5 (max 600)",
            "  --connections N      concurrent keep-alive connections, one thread each; default 32 (max 512)",
            "  --rate R             total requests/s on a fixed schedule; 0 = closed loop, as fast as answered; default 0",
            "  --duplicates F       share of requests that re-send an earlier event, 0 to 0.95; default 0.2",
            "  --mix L:O:D          weights of logon (1) : logoff (0) : denied (4) events; default 45:45:10",
            "  --body-bytes B       approximate body size, reached with a Padding member; default 600",
            "  --timeout S          connect and request timeout in seconds; default 10 (max 60)",
            "  --help               this text");

    private WebhookLoad() {}

    public static void main(String[] args) throws InterruptedException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        String runId = newRunId();
        Events events = new Events(
                runId, options, ZoneId.systemDefault().getRules().getOffset(Instant.now()), Events::systemMicros);
        System.err.printf(
                Locale.ROOT,
                "run %s: user names start with %s, session ids with %s-%n",
                runId,
                events.userPrefix(),
                runId);

        List<Result> results = new ArrayList<>();
        for (Target target : options.targets()) {
            Result result = run(options, target, events.withFreshPool());
            results.add(result);
            System.out.println(result.report());
            System.out.println(result.resultLine());
            System.out.println();
        }
        if (results.size() == 2) {
            Result noop = results.get(0);
            Result webhook = results.get(1);
            System.out.println(ratioReport(webhook, noop));
            System.out.println(ratioLine(webhook, noop));
        }
        boolean anyFailed = results.stream().anyMatch(r -> r.measured.ok() == 0);
        System.exit(anyFailed ? 1 : 0);
    }

    static String newRunId() {
        byte[] bytes = new byte[4];
        new java.security.SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    // ---------------------------------------------------------------------------------------------------- options

    enum Target {
        NOOP(NOOP_PATH),
        WEBHOOK(WEBHOOK_PATH);

        final String path;

        Target(String path) {
            this.path = path;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    record Options(
            String baseUrl,
            String id,
            String backupId,
            String target,
            int seconds,
            int warmup,
            int connections,
            double rate,
            double duplicates,
            int[] mix,
            int bodyBytes,
            int timeoutSeconds) {

        /** Parses {@code --key value} or {@code --key=value}; null means --help. */
        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    return null;
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument '" + arg + "'");
                }
                String key;
                String value;
                int eq = arg.indexOf('=');
                if (eq > 0) {
                    key = arg.substring(2, eq);
                    value = arg.substring(eq + 1);
                } else {
                    key = arg.substring(2);
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--" + key + " needs a value");
                    }
                    value = args[++i];
                }
                values.put(key, value);
            }
            List<String> known = List.of(
                    "url",
                    "id",
                    "backup-id",
                    "target",
                    "seconds",
                    "warmup",
                    "connections",
                    "rate",
                    "duplicates",
                    "mix",
                    "body-bytes",
                    "timeout");
            for (String key : values.keySet()) {
                if (!known.contains(key)) {
                    throw new IllegalArgumentException("unknown option --" + key);
                }
            }
            String url = values.get("url");
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            String target = values.getOrDefault("target", "webhook").toLowerCase(Locale.ROOT);
            if (!List.of("webhook", "noop", "both").contains(target)) {
                throw new IllegalArgumentException("--target must be webhook, noop or both");
            }
            String id = values.get("id");
            if ((id == null || id.isBlank()) && !target.equals("noop")) {
                throw new IllegalArgumentException("--id is required for --target " + target);
            }
            String backupId = values.get("backup-id");
            Options options = new Options(
                    checkedBaseUrl(url),
                    id == null || id.isBlank() ? PLACEHOLDER_ID : id,
                    backupId == null || backupId.isBlank() ? null : backupId,
                    target,
                    intIn(values, "seconds", 20, 1, 3600),
                    intIn(values, "warmup", 5, 0, 600),
                    intIn(values, "connections", 32, 1, 512),
                    doubleIn(values, "rate", 0, 0, 1_000_000),
                    doubleIn(values, "duplicates", 0.2, 0, 0.95),
                    mix(values.getOrDefault("mix", "45:45:10")),
                    intIn(values, "body-bytes", 600, 0, 60_000),
                    intIn(values, "timeout", 10, 1, 60));
            return options;
        }

        List<Target> targets() {
            return switch (target) {
                case "noop" -> List.of(Target.NOOP);
                case "both" -> List.of(Target.NOOP, Target.WEBHOOK);
                default -> List.of(Target.WEBHOOK);
            };
        }

        /** A load generator pointed at the wrong host by a typo would flood it; only loopback is ever wanted here. */
        static String checkedBaseUrl(String url) {
            URI uri;
            try {
                uri = new URI(url);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("--url is not a URL: " + e.getMessage());
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new IllegalArgumentException("--url must be http:// or https://");
            }
            if (uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("--url must be scheme://host[:port][/context] without query");
            }
            try {
                for (InetAddress address : InetAddress.getAllByName(uri.getHost())) {
                    if (!address.isLoopbackAddress()) {
                        throw new IllegalArgumentException("--url must point at a loopback address, " + uri.getHost()
                                + " resolves to " + address.getHostAddress());
                    }
                }
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("--url host " + uri.getHost() + " is unknown");
            }
            String base = uri.toString();
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base;
        }

        private static int intIn(Map<String, String> values, String key, int fallback, int min, int max) {
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            try {
                int value = Integer.parseInt(text.strip());
                if (value < min || value > max) {
                    throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be an integer");
            }
        }

        private static double doubleIn(
                Map<String, String> values, String key, double fallback, double min, double max) {
            String text = values.get(key);
            if (text == null) {
                return fallback;
            }
            try {
                double value = Double.parseDouble(text.strip());
                if (!(value >= min && value <= max)) {
                    throw new IllegalArgumentException("--" + key + " must be between " + min + " and " + max);
                }
                return value;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " must be a number");
            }
        }

        private static int[] mix(String text) {
            String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new IllegalArgumentException("--mix must be logon:logoff:denied, e.g. 45:45:10");
            }
            int[] weights = new int[3];
            for (int i = 0; i < 3; i++) {
                try {
                    weights[i] = Integer.parseInt(parts[i].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--mix must be three integers, e.g. 45:45:10");
                }
                if (weights[i] < 0) {
                    throw new IllegalArgumentException("--mix weights must not be negative");
                }
            }
            if (weights[0] + weights[1] + weights[2] == 0) {
                throw new IllegalArgumentException("--mix needs at least one positive weight");
            }
            return weights;
        }
    }

    // ----------------------------------------------------------------------------------------------------- events

    /** Which UserLock server an event is rendered as coming from. */
    record Server(String id, String fqdn, String displayName) {}

    /** One session event, independent of the server that sends it. */
    record Event(long seq, int eventType, String eventTime, int user, int sessionType, String sessionId, int padding) {}

    enum Kind {
        /** First sending of an event. */
        ORIGINAL,
        /** The same bytes again, as a retrying sender would send them. */
        REPLAY,
        /** The Backup server's copy: another Userlock object, everything else the same. */
        BACKUP
    }

    record Sent(Event event, Kind kind, byte[] body) {}

    /**
     * The event stream of one target: configuration, a global sequence and a strictly increasing clock (so every
     * EventTime and SessionId is unique within the run), and a ring of recent originals to draw duplicates from.
     * The ring is shared by all connections, so a copy may go out while its original is still in flight elsewhere.
     */
    static final class Events {

        static final int RING = 4096;
        static final int USERS = 1000;
        static final int[] EVENT_TYPES = {1, 0, 4};
        private static final DateTimeFormatter SECONDS =
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);

        final String runId;
        final Server primary;
        final Server backup;
        final double duplicates;
        final int[] mix;
        final int bodyBytes;
        final ZoneOffset offset;
        private final LongSupplier nowMicros;
        private final AtomicLong sequence;
        private final AtomicLong lastMicros;
        private final AtomicReferenceArray<Event> ring = new AtomicReferenceArray<>(RING);
        private final AtomicLong ringCount = new AtomicLong();

        Events(String runId, Options options, ZoneOffset offset, LongSupplier nowMicros) {
            this(
                    runId,
                    new Server(options.id(), "ulsrv01.corp.example.com", "ULSRV01"),
                    options.backupId() == null
                            ? null
                            : new Server(options.backupId(), "ulsrv02.corp.example.com", "ULSRV02"),
                    options.duplicates(),
                    options.mix(),
                    options.bodyBytes(),
                    offset,
                    nowMicros,
                    new AtomicLong(),
                    new AtomicLong());
        }

        Events(
                String runId,
                Server primary,
                Server backup,
                double duplicates,
                int[] mix,
                int bodyBytes,
                ZoneOffset offset,
                LongSupplier nowMicros,
                AtomicLong sequence,
                AtomicLong lastMicros) {
            this.runId = runId;
            this.primary = primary;
            this.backup = backup;
            this.duplicates = duplicates;
            this.mix = mix.clone();
            this.bodyBytes = bodyBytes;
            this.offset = offset;
            this.nowMicros = nowMicros;
            this.sequence = sequence;
            this.lastMicros = lastMicros;
        }

        /** Same run, sequence and clock, no earlier events: a copy must never refer to another target's event. */
        Events withFreshPool() {
            return new Events(
                    runId, primary, backup, duplicates, mix, bodyBytes, offset, nowMicros, sequence, lastMicros);
        }

        String userPrefix() {
            return "bench-" + runId + "-u";
        }

        Generator generator(long seed) {
            return new Generator(this, new SplittableRandom(seed));
        }

        static long systemMicros() {
            Instant now = Instant.now();
            return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        }

        Event newEvent(SplittableRandom random) {
            long seq = sequence.incrementAndGet();
            long micros = lastMicros.accumulateAndGet(nowMicros.getAsLong(), (prev, now) -> Math.max(prev + 1, now));
            // The 7th digit is below what the server keeps (microseconds), so uniqueness rests on the micros.
            String time = eventTime(micros, random.nextInt(10), offset);
            int user = random.nextInt(USERS);
            int sessionType = random.nextInt(10) < 8 ? 1 : 2;
            Event draft = new Event(seq, pickType(random), time, user, sessionType, runId + "-" + seq, -1);
            int length = render(draft, primary).length();
            int overhead = ",\"Padding\":\"\"".length();
            int padding = bodyBytes - length - overhead;
            Event event = padding < 0
                    ? draft
                    : new Event(seq, draft.eventType(), time, user, sessionType, draft.sessionId(), padding);
            long slot = ringCount.getAndIncrement();
            ring.set((int) (slot % RING), event);
            return event;
        }

        /** A recent original, or null while none is available yet. */
        Event recent(SplittableRandom random) {
            long count = ringCount.get();
            if (count == 0) {
                return null;
            }
            long window = Math.min(count, RING);
            long slot = count - 1 - random.nextLong(window);
            return ring.get((int) (slot % RING));
        }

        private int pickType(SplittableRandom random) {
            int r = random.nextInt(mix[0] + mix[1] + mix[2]);
            if (r < mix[0]) {
                return EVENT_TYPES[0];
            }
            return r < mix[0] + mix[1] ? EVENT_TYPES[1] : EVENT_TYPES[2];
        }

        /** As Newtonsoft writes a .NET DateTime with an offset: 7 fractional digits, {@code +hh:mm}, never Z. */
        static String eventTime(long epochMicros, int tenthOfMicro, ZoneOffset offset) {
            long seconds = Math.floorDiv(epochMicros, 1_000_000L);
            int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
            String fraction = Integer.toString(micros);
            StringBuilder text = new StringBuilder(40)
                    .append(SECONDS.format(LocalDateTime.ofEpochSecond(seconds, 0, offset)))
                    .append('.');
            for (int i = fraction.length(); i < 6; i++) {
                text.append('0');
            }
            text.append(fraction).append(tenthOfMicro);
            return text.append(offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId())
                    .toString();
        }

        /** The JSON body; member order and names follow userlock.md §1.6, the rest are plausible extras. */
        String render(Event event, Server server) {
            String user = String.format(Locale.ROOT, "%04d", event.user());
            StringBuilder json = new StringBuilder(Math.max(bodyBytes, 256) + 64);
            json.append("{\"Userlock\":{\"Id\":");
            string(json, server.id()).append(",\"FQDN\":");
            string(json, server.fqdn()).append(",\"DisplayName\":");
            string(json, server.displayName())
                    .append("},\"EventType\":")
                    .append(event.eventType())
                    .append(",\"EventTime\":");
            string(json, event.eventTime()).append(",\"UserAccount\":");
            string(json, userPrefix() + user).append(",\"UserDomain\":\"CORP\",\"UserFullName\":");
            string(json, "Bench User " + user).append(",\"ComputerName\":");
            string(json, "PC-" + user).append(",\"ClientName\":");
            string(json, "PC-" + user).append(",\"ClientAddress\":");
            string(json, "10.20." + (event.user() / 250) + "." + (event.user() % 250 + 1))
                    .append(",\"SessionType\":")
                    .append(event.sessionType())
                    .append(",\"SessionId\":");
            string(json, event.sessionId())
                    .append(",\"Country\":\"FR\",\"LogonServer\":\"DC01\",\"OperatingSystem\":")
                    .append("\"Windows 11 Enterprise 23H2 (10.0.22631)\"");
            if (event.padding() >= 0) {
                json.append(",\"Padding\":\"")
                        .append("x".repeat(event.padding()))
                        .append('"');
            }
            return json.append('}').toString();
        }

        private static StringBuilder string(StringBuilder json, String value) {
            json.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '"' -> json.append("\\\"");
                    case '\\' -> json.append("\\\\");
                    case '\n' -> json.append("\\n");
                    case '\r' -> json.append("\\r");
                    case '\t' -> json.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                    }
                }
            }
            return json.append('"');
        }
    }

    /** One connection's view of {@link Events}: its own random source, no locking on the hot path. */
    static final class Generator {

        private final Events events;
        private final SplittableRandom random;

        Generator(Events events, SplittableRandom random) {
            this.events = events;
            this.random = random;
        }

        Sent next() {
            if (events.duplicates > 0 && random.nextDouble() < events.duplicates) {
                Event earlier = events.recent(random);
                if (earlier != null) {
                    boolean fromBackup = events.backup != null && random.nextBoolean();
                    Server server = fromBackup ? events.backup : events.primary;
                    return new Sent(earlier, fromBackup ? Kind.BACKUP : Kind.REPLAY, bytes(earlier, server));
                }
            }
            Event event = events.newEvent(random);
            return new Sent(event, Kind.ORIGINAL, bytes(event, events.primary));
        }

        private byte[] bytes(Event event, Server server) {
            return events.render(event, server).getBytes(StandardCharsets.UTF_8);
        }
    }

    // ------------------------------------------------------------------------------------------------ measurement

    /**
     * Latency histogram in nanoseconds with HdrHistogram's layout: exact below 2048 ns, then 1024 buckets per power
     * of two, so any value is reported within 0.1 % (rounded up). Fixed size (about 230 KB), whatever the run length.
     */
    static final class Histogram {

        static final int SUB_BITS = 11;
        static final int SUB = 1 << SUB_BITS;
        static final int HALF = SUB / 2;
        /** 2^37 ns is about 137 s, well above the longest request timeout. */
        static final int MAX_EXP = 36;

        private final long[] counts = new long[SUB + (MAX_EXP - SUB_BITS + 1) * HALF];
        private long total;
        private long sum;
        private long max;

        void record(long nanos) {
            long value = Math.max(0, nanos);
            counts[index(value)]++;
            total++;
            sum += value;
            max = Math.max(max, value);
        }

        void add(Histogram other) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += other.counts[i];
            }
            total += other.total;
            sum += other.sum;
            max = Math.max(max, other.max);
        }

        long count() {
            return total;
        }

        long max() {
            return max;
        }

        double mean() {
            return total == 0 ? 0 : (double) sum / total;
        }

        /** Nearest-rank percentile (the smallest value with at least p % of the values at or below it). */
        long percentile(double p) {
            if (total == 0) {
                return 0;
            }
            long rank = Math.max(1, (long) Math.ceil(p / 100.0 * total));
            long seen = 0;
            for (int i = 0; i < counts.length; i++) {
                seen += counts[i];
                if (seen >= rank) {
                    return Math.min(highestEquivalent(i), max);
                }
            }
            return max;
        }

        static int index(long value) {
            if (value < SUB) {
                return (int) value;
            }
            int exp = 63 - Long.numberOfLeadingZeros(value);
            if (exp > MAX_EXP) {
                exp = MAX_EXP;
                value = (1L << (MAX_EXP + 1)) - 1;
            }
            int shift = exp - (SUB_BITS - 1);
            int sub = (int) (value >>> shift);
            return SUB + (exp - SUB_BITS) * HALF + (sub - HALF);
        }

        static long highestEquivalent(int index) {
            if (index < SUB) {
                return index;
            }
            int k = index - SUB;
            int exp = SUB_BITS + k / HALF;
            int sub = HALF + k % HALF;
            int shift = exp - (SUB_BITS - 1);
            return ((long) (sub + 1) << shift) - 1;
        }
    }

    /** What one phase (warm-up or measured) of one target saw; per connection, merged at the end. */
    static final class Stats {

        final Histogram latency = new Histogram();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final Map<String, Long> errors = new TreeMap<>();
        long originals;
        long replays;
        long backups;
        long stored;
        long duplicate;
        long spooled;
        long bodyBytes;
        long sent;

        void sent(Sent event) {
            sent++;
            bodyBytes += event.body().length;
            switch (event.kind()) {
                case ORIGINAL -> originals++;
                case REPLAY -> replays++;
                case BACKUP -> backups++;
            }
        }

        void answered(int status, String body, long nanos) {
            latency.record(nanos);
            statuses.merge(status, 1L, Long::sum);
            if (status >= 200 && status < 300 && body != null) {
                // The webhook answers {"status":"stored|duplicate|spooled"}.
                if (body.contains("\"stored\"")) {
                    stored++;
                } else if (body.contains("\"duplicate\"")) {
                    duplicate++;
                } else if (body.contains("\"spooled\"")) {
                    spooled++;
                }
            }
        }

        void failed(Throwable error) {
            errors.merge(error.getClass().getSimpleName(), 1L, Long::sum);
        }

        void add(Stats other) {
            latency.add(other.latency);
            other.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
            originals += other.originals;
            replays += other.replays;
            backups += other.backups;
            stored += other.stored;
            duplicate += other.duplicate;
            spooled += other.spooled;
            bodyBytes += other.bodyBytes;
            sent += other.sent;
        }

        long responses() {
            return latency.count();
        }

        long ok() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 200 && e.getKey() < 300)
                    .mapToLong(Map.Entry::getValue)
                    .sum();
        }

        long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        long duplicatesSent() {
            return replays + backups;
        }
    }

    // ------------------------------------------------------------------------------------------------------ run

    /** One connection: its own client (so its own keep-alive connection) and its own statistics. */
    static final class Worker implements Runnable {

        final Stats warm = new Stats();
        final Stats measured = new Stats();
        volatile boolean finished;
        long lastMeasuredDone;

        private final HttpClient client;
        private final URI uri;
        private final Generator generator;
        private final Duration timeout;
        private final long start;
        private final long measureStart;
        private final long end;
        private final long interval;

        Worker(
                HttpClient client,
                URI uri,
                Generator generator,
                Duration timeout,
                long start,
                long measureStart,
                long end,
                long interval) {
            this.client = client;
            this.uri = uri;
            this.generator = generator;
            this.timeout = timeout;
            this.start = start;
            this.measureStart = measureStart;
            this.end = end;
            this.interval = interval;
        }

        @Override
        public void run() {
            try {
                loop();
            } finally {
                finished = true;
            }
        }

        private void loop() {
            long next = start;
            parkUntil(start);
            while (!Thread.currentThread().isInterrupted()) {
                long scheduled;
                if (interval > 0) {
                    if (next >= end) {
                        return;
                    }
                    parkUntil(next);
                    scheduled = next;
                    next += interval;
                } else {
                    scheduled = System.nanoTime();
                    if (scheduled >= end) {
                        return;
                    }
                }
                Sent event = generator.next();
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(timeout)
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(event.body()))
                        .build();
                Stats stats = scheduled >= measureStart ? measured : warm;
                stats.sent(event);
                // With a fixed rate, latency counts from the scheduled time, so a stalled server is not hidden
                // by the sender waiting for it (coordinated omission); closed loop counts from the send.
                long from = interval > 0 ? scheduled : System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    long done = System.nanoTime();
                    stats.answered(response.statusCode(), response.body(), done - from);
                    if (stats == measured) {
                        lastMeasuredDone = done;
                    }
                } catch (IOException e) {
                    stats.failed(e);
                    if (interval == 0) {
                        LockSupport.parkNanos(ERROR_PAUSE_NANOS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private static void parkUntil(long deadline) {
            long wait;
            while ((wait = deadline - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
        }
    }

    record Result(
            Target target,
            String url,
            Options options,
            String runId,
            Stats measured,
            Stats all,
            double seconds,
            long warmRequests,
            int incompleteWorkers) {

        double rps() {
            return seconds <= 0 ? 0 : measured.responses() / seconds;
        }

        double okRps() {
            return seconds <= 0 ? 0 : measured.ok() / seconds;
        }

        String report() {
            Histogram h = measured.latency;
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "== %s  %s  run %s ==%n", target.label(), url, runId));
            out.append(String.format(
                    Locale.ROOT,
                    "load          %d connections, %s, warm-up %d s (%d requests, not " + "counted), measured %.2f s%n",
                    options.connections(),
                    options.rate() > 0
                            ? String.format(Locale.ROOT, "fixed rate %.0f req/s", options.rate())
                            : "closed loop",
                    options.warmup(),
                    warmRequests,
                    seconds));
            out.append(String.format(
                    Locale.ROOT,
                    "requests      %d answered (2xx %d, other %d), %d errors, avg body " + "%d bytes%n",
                    measured.responses(),
                    measured.ok(),
                    measured.responses() - measured.ok(),
                    measured.errorCount(),
                    measured.sent == 0 ? 0 : measured.bodyBytes / measured.sent));
            out.append(String.format(Locale.ROOT, "throughput    %.1f req/s (2xx %.1f req/s)%n", rps(), okRps()));
            out.append(String.format(
                    Locale.ROOT,
                    "latency ms    p50 %s  p90 %s  p99 %s  max %s  mean %s (from %s)%n",
                    ms(h.percentile(50)),
                    ms(h.percentile(90)),
                    ms(h.percentile(99)),
                    ms(h.max()),
                    ms(Math.round(h.mean())),
                    latencyFrom()));
            out.append("status        ")
                    .append(measured.statuses.isEmpty() ? "none" : measured.statuses.toString())
                    .append('\n');
            out.append("errors        ")
                    .append(measured.errors.isEmpty() ? "none" : measured.errors.toString())
                    .append('\n');
            out.append(String.format(
                    Locale.ROOT,
                    "events        %d unique, %d duplicates (%d exact replays, %d " + "Backup copies)%s%n",
                    measured.originals,
                    measured.duplicatesSent(),
                    measured.replays,
                    measured.backups,
                    target == Target.NOOP ? "; the no-op endpoint stores nothing" : ""));
            if (target == Target.WEBHOOK) {
                out.append(String.format(
                        Locale.ROOT,
                        "server said   %d stored, %d duplicate, %d spooled%n",
                        measured.stored,
                        measured.duplicate,
                        measured.spooled));
                out.append(String.format(
                        Locale.ROOT,
                        "incl. warm-up %d requests, %d unique events, %d duplicates; "
                                + "server said %d stored, %d duplicate, %d spooled; %d errors (UserAccount LIKE '%s%%')%n",
                        all.sent,
                        all.originals,
                        all.duplicatesSent(),
                        all.stored,
                        all.duplicate,
                        all.spooled,
                        all.errorCount(),
                        "bench-" + runId + "-"));
            }
            warnings(out);
            return out.toString().stripTrailing();
        }

        private void warnings(StringBuilder out) {
            if (incompleteWorkers > 0) {
                out.append(String.format(
                        Locale.ROOT,
                        "WARNING       %d connections did not finish in time; their " + "figures are left out%n",
                        incompleteWorkers));
            }
            if (measured.statuses.containsKey(404) && target == Target.NOOP) {
                out.append("WARNING       404 from the no-op endpoint: start the server with "
                        + "AFTERHOURS_BENCH_NOOP_ENABLED=true\n");
            }
            if (measured.statuses.containsKey(401)) {
                out.append("WARNING       401: the server does not accept --id (or --backup-id)\n");
            }
            if (measured.responses() > measured.ok()) {
                out.append("WARNING       some answers were not 2xx; throughput includes them\n");
            }
        }

        private String latencyFrom() {
            return options.rate() > 0 ? "schedule" : "send";
        }

        String resultLine() {
            Histogram h = measured.latency;
            Map<String, String> kv = new LinkedHashMap<>();
            kv.put("target", target.label());
            kv.put("run", runId);
            kv.put("url", url);
            kv.put(
                    "date",
                    Instant.now()
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .toString());
            kv.put("cpus", Integer.toString(Runtime.getRuntime().availableProcessors()));
            kv.put("connections", Integer.toString(options.connections()));
            kv.put("rate", fmt(options.rate(), 0));
            kv.put("warmup_s", Integer.toString(options.warmup()));
            kv.put("seconds", fmt(seconds, 2));
            kv.put("requests", Long.toString(measured.responses()));
            kv.put("ok", Long.toString(measured.ok()));
            kv.put("non2xx", Long.toString(measured.responses() - measured.ok()));
            kv.put("errors", Long.toString(measured.errorCount()));
            kv.put("rps", fmt(rps(), 1));
            kv.put("ok_rps", fmt(okRps(), 1));
            kv.put("p50_ms", ms(h.percentile(50)));
            kv.put("p90_ms", ms(h.percentile(90)));
            kv.put("p99_ms", ms(h.percentile(99)));
            kv.put("max_ms", ms(h.max()));
            kv.put("mean_ms", ms(Math.round(h.mean())));
            kv.put("latency_from", latencyFrom());
            measured.statuses.forEach((status, count) -> kv.put("status_" + status, Long.toString(count)));
            kv.put("unique", Long.toString(measured.originals));
            kv.put("duplicates", Long.toString(measured.duplicatesSent()));
            kv.put("dup_replay", Long.toString(measured.replays));
            kv.put("dup_backup", Long.toString(measured.backups));
            kv.put("body_bytes", Long.toString(measured.sent == 0 ? 0 : measured.bodyBytes / measured.sent));
            if (target == Target.WEBHOOK) {
                kv.put("stored", Long.toString(measured.stored));
                kv.put("duplicate", Long.toString(measured.duplicate));
                kv.put("spooled", Long.toString(measured.spooled));
                kv.put("all_requests", Long.toString(all.sent));
                kv.put("all_unique", Long.toString(all.originals));
                kv.put("all_duplicates", Long.toString(all.duplicatesSent()));
                kv.put("all_stored", Long.toString(all.stored));
                kv.put("all_duplicate", Long.toString(all.duplicate));
                kv.put("all_spooled", Long.toString(all.spooled));
                kv.put("all_errors", Long.toString(all.errorCount()));
            }
            kv.put("incomplete_workers", Integer.toString(incompleteWorkers));
            StringBuilder line = new StringBuilder("RESULT");
            kv.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
            return line.toString();
        }
    }

    static Result run(Options options, Target target, Events events) throws InterruptedException {
        String url = options.baseUrl() + target.path;
        URI uri = URI.create(url);
        int n = options.connections();
        long interval = options.rate() > 0 ? Math.max(1, Math.round(n * 1e9 / options.rate())) : 0;
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        SplittableRandom seeds = new SplittableRandom();

        HttpClient[] clients = new HttpClient[n];
        for (int i = 0; i < n; i++) {
            clients[i] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .proxy(HttpClient.Builder.NO_PROXY)
                    .build();
        }
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureStart = start + TimeUnit.SECONDS.toNanos(options.warmup());
        long end = measureStart + TimeUnit.SECONDS.toNanos(options.seconds());
        Worker[] workers = new Worker[n];
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            // Spread the scheduled sends of a fixed rate evenly instead of n at once.
            long first = interval > 0 ? start + (long) (i * (1e9 / options.rate())) : start;
            workers[i] = new Worker(
                    clients[i], uri, events.generator(seeds.nextLong()), timeout, first, measureStart, end, interval);
            threads[i] = new Thread(workers[i], "load-" + target.label() + "-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        System.err.printf(
                Locale.ROOT,
                "%s: %s, %d connections, warm-up %d s, then %d s measured%n",
                target.label(),
                url,
                n,
                options.warmup(),
                options.seconds());

        long deadline = end + timeout.toNanos() + TimeUnit.SECONDS.toNanos(5);
        int incomplete = 0;
        for (int i = 0; i < n; i++) {
            long wait = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            threads[i].join(Math.max(1, wait));
            if (!workers[i].finished) {
                threads[i].interrupt();
                incomplete++;
            }
        }

        Stats measured = new Stats();
        Stats all = new Stats();
        long lastDone = end;
        long warmRequests = 0;
        for (Worker worker : workers) {
            if (!worker.finished) {
                continue;
            }
            measured.add(worker.measured);
            all.add(worker.warm);
            all.add(worker.measured);
            warmRequests += worker.warm.sent;
            if (worker.measured.responses() > 0) {
                lastDone = Math.max(lastDone, worker.lastMeasuredDone);
            }
        }
        double seconds = (lastDone - measureStart) / 1e9;
        return new Result(target, url, options, events.runId, measured, all, seconds, warmRequests, incomplete);
    }

    static String ratioReport(Result webhook, Result noop) {
        double ratio = ratio(webhook, noop);
        return String.format(
                Locale.ROOT,
                "== webhook / no-op ==%nthroughput    webhook %.1f req/s / no-op %.1f req/s "
                        + "= %.3f (product.md section 3: ratio at least 0.5, 2000 req/s, p99 under 50 ms)",
                webhook.okRps(),
                noop.okRps(),
                ratio);
    }

    static String ratioLine(Result webhook, Result noop) {
        return String.format(
                Locale.ROOT,
                "RESULT target=ratio run=%s webhook_rps=%s noop_rps=%s ratio=%s " + "webhook_p99_ms=%s noop_p99_ms=%s",
                webhook.runId,
                fmt(webhook.okRps(), 1),
                fmt(noop.okRps(), 1),
                fmt(ratio(webhook, noop), 3),
                ms(webhook.measured.latency.percentile(99)),
                ms(noop.measured.latency.percentile(99)));
    }

    /** Based on 2xx answers only, so an endpoint answering 404 or 401 fast cannot look good. */
    static double ratio(Result webhook, Result noop) {
        return noop.okRps() == 0 ? 0 : webhook.okRps() / noop.okRps();
    }

    static String ms(long nanos) {
        return fmt(nanos / 1e6, 3);
    }

    static String fmt(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
