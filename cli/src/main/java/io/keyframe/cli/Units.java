package io.keyframe.cli;

/**
 * How the help texts write units, so that every share and every budget option states them in the
 * same words (issue 18: one set of units across commands). Picocli reads {@code %%} as one {@code
 * %}.
 */
final class Units {
  /** A share option's accepted spellings: what {@link ShareConverter} and Share.parse take. */
  static final String SHARE = "'10%%' or '0.1'; a bare number above 1 is refused";

  /** A budget option's accepted spellings: what Budget.parse takes. */
  static final String BUDGET =
      "a share of frames ('10%%' or '0.1'; a bare number above 1 is refused) or expert minutes ('120min')";

  private Units() {}
}
