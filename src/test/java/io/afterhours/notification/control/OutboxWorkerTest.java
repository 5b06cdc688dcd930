package io.afterhours.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.afterhours.notification.boundary.Outbox;
import io.afterhours.notification.entity.MailState;
import jakarta.mail.MessagingException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxWorkerTest {

    private final OutboxWorker worker = new OutboxWorker();

    private static OutgoingMail mail(long id) {
        return new OutgoingMail(id, "<outbox-" + id + ".x@afterhours>", "m@corp.local", "M", "s", "t", "h");
    }

    @BeforeEach
    void setUp() {
        worker.outbox = mock(Outbox.class);
        worker.sender = mock(MailSender.class);
        worker.settings = mock(MailSettings.class);
        worker.clock = Clock.systemUTC();
        when(worker.settings.longestSend()).thenReturn(Duration.ofSeconds(70));
        when(worker.outbox.claimDue(anyInt(), any())).thenReturn(List.of(mail(1), mail(2), mail(3)));
        when(worker.outbox.markFailed(eq(2L), anyString())).thenReturn(MailState.QUEUED);
    }

    @Test
    void marksSentWhatTheServerAcceptedAndGivesBackTheRestAfterAFailure() throws Exception {
        doThrow(new MessagingException("421 try later")).when(worker.sender).send(mail(2));

        assertEquals(3, worker.process());

        verify(worker.outbox).markSent(1L);
        verify(worker.outbox).markFailed(eq(2L), anyString());
        verify(worker.outbox).release(3L);
        verify(worker.sender, never()).send(mail(3));
        verify(worker.outbox, never()).markSent(2L);
    }

    @Test
    void leasesTheBatchForAsLongAsItCouldTakeAtItsSlowest() {
        worker.process();

        verify(worker.outbox)
                .claimDue(
                        OutboxWorker.BATCH,
                        Duration.ofSeconds(70).multipliedBy(OutboxWorker.BATCH).plusMinutes(1));
    }
}
