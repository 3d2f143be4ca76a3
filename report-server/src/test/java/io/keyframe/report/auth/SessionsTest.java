package io.keyframe.report.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {
  @Test
  void aLoginFloodWithOneTokenEvictsOnlyThatTokensOldestSessions() {
    Sessions s = new Sessions();
    String admin = s.open(Role.ADMIN, "admin-hash");
    List<String> viewer = new ArrayList<>();
    for (int i = 0; i < Sessions.MAX_SESSIONS + 500; i++)
      viewer.add(s.open(Role.VIEWER, "viewer-hash"));
    assertThat(s.size()).isEqualTo(1 + Sessions.MAX_PER_TOKEN);
    assertThat(s.roleOf(admin)).contains(Role.ADMIN);
    assertThat(s.roleOf(viewer.get(0))).as("oldest viewer session evicted").isEmpty();
    assertThat(s.roleOf(viewer.get(viewer.size() - 1))).contains(Role.VIEWER);
    assertThat(s.roleOf(viewer.get(viewer.size() - Sessions.MAX_PER_TOKEN))).contains(Role.VIEWER);
    assertThat(s.roleOf(viewer.get(viewer.size() - Sessions.MAX_PER_TOKEN - 1))).isEmpty();
  }

  @Test
  void manyTokensFillingTheTableNeverRefuseALogin() {
    Sessions s = new Sessions();
    for (int t = 0; t < Sessions.MAX_SESSIONS / Sessions.MAX_PER_TOKEN + 5; t++)
      for (int i = 0; i < Sessions.MAX_PER_TOKEN; i++) s.open(Role.VIEWER, "t" + t);
    assertThat(s.size()).isEqualTo(Sessions.MAX_SESSIONS);
    String admin = s.open(Role.ADMIN, "admin-hash");
    assertThat(s.roleOf(admin)).contains(Role.ADMIN);
    assertThat(s.size()).isEqualTo(Sessions.MAX_SESSIONS);
  }

  @Test
  void theThrottleAllowsABurstThenOneAttemptPerRefillInterval() {
    Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
    Clock clock =
        new Clock() {
          @Override
          public ZoneOffset getZone() {
            return ZoneOffset.UTC;
          }

          @Override
          public Clock withZone(java.time.ZoneId zone) {
            return this;
          }

          @Override
          public Instant instant() {
            return now[0];
          }
        };
    LoginThrottle t = new LoginThrottle(clock);
    for (int i = 0; i < LoginThrottle.BURST; i++) assertThat(t.attempt("10.0.0.1")).isZero();
    assertThat(t.attempt("10.0.0.1")).isEqualTo(LoginThrottle.REFILL.toSeconds());
    assertThat(t.attempt("10.0.0.2")).as("other clients unaffected").isZero();
    now[0] = now[0].plus(LoginThrottle.REFILL);
    assertThat(t.attempt("10.0.0.1")).isZero();
    assertThat(t.attempt("10.0.0.1")).isPositive();
  }
}
