package io.afterhours.notification.control;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.intake.boundary.UnknownUserLockIds;
import io.afterhours.notification.boundary.Outbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The administrators hear of refused UserLock IDs at most once per period on an instance, however many bursts. */
class AdminMailsTest {

    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00Z");

    private final AdminMails mails = new AdminMails();

    @BeforeEach
    void setUp() {
        mails.outbox = mock(Outbox.class);
        mails.recipients = mock(Recipients.class);
        mails.portalUrl = "https://afterhours.corp.local";
        mails.unknownIdsEvery = Duration.ofHours(1);
        when(mails.recipients.administrators())
                .thenReturn(List.of(new Recipient(
                        UUID.randomUUID(), "aadmin@corp.local", "Alice Admin", ZoneId.of("UTC"), Locale.ENGLISH)));
    }

    @Test
    void aSecondBurstWithinThePeriodMailsNothingAndOneAfterItMailsAgain() {
        burstAt(NOON);
        burstAt(NOON.plus(Duration.ofMinutes(59)));
        verify(mails.outbox, times(1))
                .enqueue(eq(AdminMails.UNKNOWN_IDS), eq("aadmin@corp.local"), anyString(), any(), isNull());

        burstAt(NOON.plus(Duration.ofMinutes(60)));
        verify(mails.outbox, times(2))
                .enqueue(eq(AdminMails.UNKNOWN_IDS), eq("aadmin@corp.local"), anyString(), any(), isNull());
    }

    @Test
    void withNoPeriodEveryBurstIsMailed() {
        mails.unknownIdsEvery = Duration.ZERO;
        burstAt(NOON);
        burstAt(NOON);
        verify(mails.outbox, times(2))
                .enqueue(eq(AdminMails.UNKNOWN_IDS), eq("aadmin@corp.local"), anyString(), any(), isNull());
    }

    private void burstAt(Instant at) {
        mails.clock = Clock.fixed(at, ZoneOffset.UTC);
        mails.onUnknownIds(new UnknownUserLockIds(3, at.minusSeconds(5), at, List.of("wron…7d6c")));
    }
}
