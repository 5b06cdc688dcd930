package io.afterhours.audit.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsTest {

    @Test
    void onlyRegionZonesGoIntoTheSqlText() {
        assertEquals(ZoneId.of("Europe/Paris"), Reports.sqlZone(ZoneId.of("Europe/Paris")));
        assertEquals(ZoneId.of("UTC"), Reports.sqlZone(ZoneOffset.ofHours(2)), "PostgreSQL reads offsets backwards");
        assertEquals(ZoneId.of("UTC"), Reports.sqlZone(ZoneId.of("UTC")));
    }

    @Test
    void aScopeBindsEveryRequesterAndAnEmptyTeamMatchesNothing() {
        Reports.Scope everyone = new Reports.Scope(null, null);
        assertEquals("", everyone.and("r"));
        assertEquals(List.of(), everyone.parameters());

        Reports.Scope team = new Reports.Scope("Boss", List.of("a", "b"));
        assertEquals(" AND r.requester_guid IN (?,?)", team.and("r"));
        assertEquals(List.of("a", "b"), team.parameters());

        assertEquals(" AND 1 = 0", new Reports.Scope("Boss", List.of()).and("r"));
    }
}
