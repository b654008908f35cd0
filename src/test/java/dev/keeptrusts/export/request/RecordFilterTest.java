package dev.keeptrusts.export.request;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
  @Test
  void valuesOfOneKeyAreAlternatives() {
    RecordFilter filter = RecordFilter.parse("outcome=blocked, escalated", RecordType.EVENTS);
    assertEquals(new RecordFilter("outcome", "outcome", List.of("blocked", "escalated")), filter);
  }

  @Test
  void keysMapToExportedFields() {
    assertEquals("triggered_policy", RecordFilter.parse("policy=pii-redaction", RecordType.EVENTS).field());
    assertEquals("policy", RecordFilter.parse("policy=pii-redaction", RecordType.ESCALATIONS).field());
    assertEquals("user", RecordFilter.parse("user=alice", RecordType.EVENTS).field());
  }

  @Test
  void repeatedKeysIntersect() {
    List<RecordFilter> filters =
        RecordFilter.parseAll(List.of("outcome=blocked,escalated", "gateway=gw-1", "outcome=escalated,flagged"), RecordType.EVENTS);
    assertEquals(2, filters.size());
    assertEquals(List.of("escalated"), filters.get(0).values());
  }

  @Test
  void repeatedKeysWithNothingInCommonMatchNothing() {
    List<RecordFilter> filters = RecordFilter.parseAll(List.of("outcome=blocked", "outcome=allowed"), RecordType.EVENTS);
    assertEquals(List.of(), filters.get(0).values());
  }

  @Test
  void valuesMayContainAnything() {
    RecordFilter filter = RecordFilter.parse("gateway=x'); DROP TABLE decision_events;--", RecordType.EVENTS);
    assertEquals(List.of("x'); DROP TABLE decision_events;--"), filter.values());
  }

  @Test
  void aFilterWithoutValuesIsRejected() {
    UsageException e = assertThrows(UsageException.class, () -> RecordFilter.parse("outcome", RecordType.EVENTS));
    assertTrue(e.getMessage().contains("key=value"), e.getMessage());
    assertThrows(UsageException.class, () -> RecordFilter.parse("outcome=", RecordType.EVENTS));
  }

  @Test
  void unknownKeysListTheValidOnes() {
    UsageException e = assertThrows(UsageException.class, () -> RecordFilter.parse("colour=red", RecordType.EVENTS));
    assertEquals("unknown filter key 'colour' for --type events: valid keys are outcome, policy, gateway, user, provider", e.getMessage());
    assertThrows(UsageException.class, () -> RecordFilter.parse("outcome=blocked", RecordType.ESCALATIONS));
  }

  @Test
  void unknownOutcomesAndStatusesListTheValidOnes() {
    UsageException e = assertThrows(UsageException.class, () -> RecordFilter.parse("outcome=maybe", RecordType.EVENTS));
    assertEquals("unknown outcome 'maybe': valid values are allowed, blocked, escalated, flagged, redacted", e.getMessage());
    UsageException s = assertThrows(UsageException.class, () -> RecordFilter.parse("status=done", RecordType.ESCALATIONS));
    assertTrue(s.getMessage().contains("approved, denied, expired, pending"), s.getMessage());
  }
}
