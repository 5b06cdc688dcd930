package io.afterhours.connector.manual;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns a UserLock action into the PowerShell lines an administrator pastes when there is no bridge. The lines do what
 * the bridge does (docs/bridge.md): remove the previous window's temporary protected account, create the new one,
 * authorise the whole day inside the window, set the overtime action and the account key, then show the result.
 *
 * <p>Invariant: every value that comes from a person or the directory (account name, server name) appears only as a
 * single-quoted PowerShell literal, so pasting the lines can never run anything but the UserLock cmdlets. Values that
 * cannot be written safely as a literal (control characters) are refused.
 */
public final class ManualCommands {

    /**
     * The UserLock names userlock.md §3.2-§4 marks UNCONFIRMED, the same as the block at the top of
     * AfterhoursBridge.ps1 ({@code $UserLockProperty}, {@code $UserLockValue}); BridgeScriptTest fails when the two
     * differ, so change both together once they are confirmed on a test server (docs/bridge.md).
     */
    public static final class UserLockNames {
        public static final String HOURS_MODE = "HoursMode";
        public static final String HOURS = "Hours";
        public static final String OVERTIME_ACTION = "ExpirationActionNew";
        public static final String COMMENT = "Comment";
        public static final String HOURS_MODE_AUTHORISED = "Authorized";
        /** {0} = the session types joined with {@link #SESSION_TYPE_SEPARATOR}. */
        public static final String WHOLE_DAY_TIME_FRAME =
                "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday;00:00;00:00;{0}";

        public static final String SESSION_TYPE_SEPARATOR = ",";
        public static final Map<String, String> SESSION_TYPES = Map.of(
                "WORKSTATION", "Workstation",
                "TERMINAL", "Terminal",
                "INTERACTIVE", "Interactive",
                "WIFI_VPN", "WifiVpn",
                "IIS", "Iis");
        public static final Map<String, String> OVERTIME_ACTIONS =
                Map.of("LOGOFF", "Logoff", "LOCK", "Lock", "NOTHING", "DoNothing");
        /** StartDate/EndDate are given in the UserLock server's local time ({@code $UserLockDatesAreLocal}). */
        public static final boolean DATES_ARE_LOCAL = true;

        private UserLockNames() {}
    }

    /** APPLY creates or changes the temporary protected account, REMOVE deletes it (docs/bridge-api.md). */
    public enum Type {
        APPLY,
        REMOVE
    }

    /** A window as local date-times in the zone UserLock reads StartDate/EndDate in. */
    public record Window(LocalDateTime startLocal, LocalDateTime endLocal) {
        public Window {
            Objects.requireNonNull(startLocal, "startLocal");
            Objects.requireNonNull(endLocal, "endLocal");
            if (!endLocal.isAfter(startLocal)) {
                throw new IllegalArgumentException("The window must end after it starts");
            }
        }
    }

    /**
     * An action as the bridge API sends it (docs/bridge-api.md), reduced to what the commands need. For REMOVE, the
     * account removed is the one of {@code previousWindow}, or of {@code window} when there is none.
     */
    public record Action(
            Type type,
            String account,
            String accountKey,
            Window window,
            List<String> sessionTypes,
            String overtimeAction,
            Window previousWindow) {}

    // Characters PowerShell treats as a single quote: ' and the Unicode quotes ‘ ’ ‚ ‛ (its tokenizer's IsSingleQuote).
    private static final String SINGLE_QUOTES = "'\u2018\u2019\u201A\u201B";
    private static final Pattern ACCOUNT = Pattern.compile("[^\\\\*?\\[\\]]+\\\\[^\\\\*?\\[\\]]+");
    private static final Pattern ACCOUNT_KEY = Pattern.compile("AH-[A-Za-z0-9]{1,60}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private ManualCommands() {}

    /**
     * The lines to paste, one command per line, for the UserLock Primary {@code userLockServerName} (writes go to the
     * Primary only, userlock.md §3.2).
     *
     * @throws IllegalArgumentException when a value is missing, unknown or cannot be written as a literal
     */
    public static List<String> render(Action action, String userLockServerName) {
        Objects.requireNonNull(action.type(), "type");
        if (!ACCOUNT.matcher(nonNull(action.account(), "account")).matches()) {
            // Without the domain, UserLock looks for a local account (userlock.md §3.2); the cmdlets expand wildcards.
            throw new IllegalArgumentException("The account must be DOMAIN\\name, without wildcards");
        }
        if (!ACCOUNT_KEY.matcher(nonNull(action.accountKey(), "accountKey")).matches()) {
            throw new IllegalArgumentException("The account key must look like AH-...");
        }
        var account = literal(action.account());
        var server = literal(nonNull(userLockServerName, "userLockServerName"));
        var lines = new ArrayList<String>();
        lines.add("# Afterhours " + action.accountKey() + ", " + action.type()
                + ": run on a host with the UserLock console, as an account with the \"Protected accounts\" right.");
        if (action.type() == Type.REMOVE) {
            var applied = action.previousWindow() != null ? action.previousWindow() : action.window();
            lines.add(target("$applied", account, nonNull(applied, "window"), server));
            lines.add("Remove-UserLockProtectedAccount @applied -Force");
            lines.add("# Nothing must be listed now:");
            lines.add("Get-UserLockProtectedAccount @applied");
            return List.copyOf(lines);
        }
        var window = nonNull(action.window(), "window");
        var hours = hours(nonNull(action.sessionTypes(), "sessionTypes"));
        var overtime = UserLockNames.OVERTIME_ACTIONS.get(nonNull(action.overtimeAction(), "overtimeAction"));
        if (overtime == null) {
            throw new IllegalArgumentException("Unknown overtime action: " + action.overtimeAction());
        }
        var previous = action.previousWindow();
        if (previous != null && !previous.equals(window)) {
            // A changed window replaces the account: whether a cmdlet can change its dates is unconfirmed (§3.3).
            lines.add(target("$previous", account, previous, server));
            lines.add("Remove-UserLockProtectedAccount @previous -Force");
        }
        lines.add(target("$window", account, window, server));
        if (!window.equals(previous)) {
            lines.add("New-UserLockProtectedAccount @window");
        }
        // The whole day inside the window: an authorised window replaces the normal hours (userlock.md §3.4).
        lines.add(set(UserLockNames.HOURS_MODE, UserLockNames.HOURS_MODE_AUTHORISED));
        lines.add(set(UserLockNames.HOURS, hours));
        lines.add(set(UserLockNames.OVERTIME_ACTION, overtime));
        lines.add(set(UserLockNames.COMMENT, action.accountKey()));
        lines.add("Get-UserLockProtectedAccount @window | Format-List *");
        lines.add("Get-UserLockProtectedAccountEffective -Name " + account + " -UserLockServerName " + server);
        return List.copyOf(lines);
    }

    /**
     * {@code value} as a single-quoted PowerShell literal: inside one, only single-quote characters are special, and a
     * doubled one stands for itself, so every quote PowerShell recognises is doubled. {@code $()} and backticks stay
     * plain text. Control characters (line breaks included) are refused: they would end a comment or the command.
     */
    static String literal(String value) {
        var text = new StringBuilder(value.length() + 2).append('\'');
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("Control character U+%04X in a value".formatted(c));
            }
            text.appendCodePoint(c);
            if (SINGLE_QUOTES.indexOf(c) >= 0) {
                text.appendCodePoint(c);
            }
        });
        return text.append('\'').toString();
    }

    private static String hours(List<String> sessionTypes) {
        if (sessionTypes.isEmpty()) {
            throw new IllegalArgumentException("No session types");
        }
        var names = sessionTypes.stream()
                .map(type -> {
                    var name = UserLockNames.SESSION_TYPES.get(type);
                    if (name == null) {
                        throw new IllegalArgumentException("Unknown session type: " + type);
                    }
                    return name;
                })
                .collect(Collectors.joining(UserLockNames.SESSION_TYPE_SEPARATOR));
        return UserLockNames.WHOLE_DAY_TIME_FRAME.replace("{0}", names);
    }

    private static String target(String variable, String account, Window window, String server) {
        return variable + " = @{ Name = " + account + "; Type = 'User'; StartDate = [datetime]'"
                + DATE.format(window.startLocal()) + "'; EndDate = [datetime]'" + DATE.format(window.endLocal())
                + "'; UserLockServerName = " + server + " }";
    }

    private static String set(String property, String value) {
        return "Set-UserLockProtectedAccount @window -Property " + literal(property) + " -Value " + literal(value)
                + " -Force";
    }

    private static <T> T nonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("Missing " + name);
        }
        return value;
    }
}
