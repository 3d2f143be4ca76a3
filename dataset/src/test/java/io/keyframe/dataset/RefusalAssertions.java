package io.keyframe.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** How tests check that bad input is refused: one {@link BadAnnotationException}. */
public final class RefusalAssertions {
  private RefusalAssertions() {}

  /** {@code read} fails with a {@link BadAnnotationException} whose message contains each part. */
  public static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(
      ThrowingCallable read, String... says) {
    AbstractThrowableAssert<?, ? extends Throwable> refused =
        assertThatThrownBy(read).isInstanceOf(BadAnnotationException.class);
    for (String part : says) refused.hasMessageContaining(part);
    return refused;
  }

  /** {@code read} fails with a {@link BadAnnotationException} naming this line and field. */
  public static void assertRefusedAt(ThrowingCallable read, long line, String field) {
    assertThatThrownBy(read)
        .isInstanceOfSatisfying(
            BadAnnotationException.class,
            e -> {
              assertThat(e.line()).isEqualTo(line);
              assertThat(e.field()).isEqualTo(field);
            });
  }
}
