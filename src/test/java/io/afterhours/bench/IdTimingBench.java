package io.afterhours.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Benchmark for reliability.md B10: does the webhook's answer time reveal how much of a guessed UserLock ID is right?
 * Sends wrong IDs that share 0, 8 and 31 leading characters with the real one, interleaved at random on one
 * keep-alive connection, and reports each group's median latency and the prefix-0 vs prefix-31 median difference with
 * a bootstrap 95% confidence interval. JDK only; loopback only:
 *
 * <pre>
 * java -cp target/test-classes io.afterhours.bench.IdTimingBench --url http://127.0.0.1:8080 --id &lt;ID&gt; --tries 1000
 * </pre>
 */
public final class IdTimingBench {

    private static final int[] PREFIXES = {0, 8, 31};

    private IdTimingBench() {}

    public static void main(String[] args) throws Exception {
        String url = option(args, "--url", "http://127.0.0.1:8080");
        String id = option(args, "--id", null).toLowerCase(Locale.ROOT);
        int tries = Integer.parseInt(option(args, "--tries", "1000"));
        int warmup = Integer.parseInt(option(args, "--warmup", "300"));
        URI target = URI.create(url + "/api/userlock/notifications");
        if (!java.net.InetAddress.getByName(target.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("Loopback URLs only");
        }
        HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long seed = Long.parseLong(option(args, "--seed", Long.toString(System.nanoTime())));
        SplittableRandom random = new SplittableRandom(seed);
        System.out.println("seed " + seed);
        List<List<Long>> samples = new ArrayList<>();
        for (int ignored : PREFIXES) {
            samples.add(new ArrayList<>());
        }
        int total = warmup + tries * PREFIXES.length;
        int[] remaining = {tries, tries, tries};
        for (int i = 0; i < total; i++) {
            int group = random.nextInt(PREFIXES.length);
            if (i >= warmup) {
                while (remaining[group] == 0) {
                    group = (group + 1) % PREFIXES.length;
                }
                remaining[group]--;
            }
            String guess = wrongId(id, PREFIXES[group]);
            String body = "{\"Userlock\":{\"Id\":\"" + guess + "\",\"FQDN\":\"bench\"},\"EventType\":4}";
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            long start = System.nanoTime();
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            long micros = (System.nanoTime() - start) / 1_000;
            if (response.statusCode() != 401) {
                throw new IllegalStateException("Expected 401, got " + response.statusCode());
            }
            if (i >= warmup) {
                samples.get(group).add(micros);
            }
        }
        for (int g = 0; g < PREFIXES.length; g++) {
            System.out.printf(
                    Locale.ROOT,
                    "prefix %2d chars: n=%d median %.1f µs%n",
                    PREFIXES[g],
                    samples.get(g).size(),
                    median(toArray(samples.get(g))));
        }
        long[] first = toArray(samples.get(0));
        long[] last = toArray(samples.get(PREFIXES.length - 1));
        double observed = median(first) - median(last);
        double[] boot = new double[2000];
        for (int b = 0; b < boot.length; b++) {
            boot[b] = median(resample(first, random)) - median(resample(last, random));
        }
        Arrays.sort(boot);
        double low = boot[(int) (boot.length * 0.025)];
        double high = boot[(int) (boot.length * 0.975)];
        System.out.printf(
                Locale.ROOT,
                "RESULT tries=%d median_diff_prefix0_minus_prefix31_us=%.1f ci95=[%.1f, %.1f] "
                        + "ci_includes_zero=%s%n",
                tries,
                observed,
                low,
                high,
                low <= 0 && high >= 0);
    }

    /** A GUID-shaped wrong ID sharing exactly {@code prefix} leading characters with the real one. */
    static String wrongId(String id, int prefix) {
        char[] chars = id.toCharArray();
        for (int i = prefix; i < chars.length; i++) {
            if (chars[i] != '-') {
                chars[i] = chars[i] == 'f' ? '0' : 'f';
            }
        }
        return new String(chars);
    }

    static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static long[] resample(long[] values, SplittableRandom random) {
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[random.nextInt(values.length)];
        }
        return out;
    }

    private static long[] toArray(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        if (fallback == null) {
            throw new IllegalArgumentException("Missing " + name);
        }
        return fallback;
    }
}
