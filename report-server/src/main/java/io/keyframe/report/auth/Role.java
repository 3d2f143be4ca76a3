package io.keyframe.report.auth;

import io.javalin.security.RouteRole;
import java.util.Locale;

/**
 * Who may see what. Each role sees everything the roles before it see.
 *
 * <ul>
 *   <li>{@link #VIEWER}: overview, label-next (incl. CSV), agreement numbers and charts, compare.
 *   <li>{@link #REVIEWER}: plus the spot-check sample, the audit trail (who labelled what, which
 *       run produced what) and the per-frame CVAT reference page.
 *   <li>{@link #ADMIN}: plus reloading the Parquet outputs without a restart.
 * </ul>
 */
public enum Role implements RouteRole {
  VIEWER,
  REVIEWER,
  ADMIN;

  /** Whether this role includes everything {@code other} may do. */
  public boolean atLeast(Role other) {
    return ordinal() >= other.ordinal();
  }

  /** Parses {@code viewer}, {@code reviewer} or {@code admin} (any case). */
  public static Role parse(String s) {
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown role '" + s + "' (viewer, reviewer or admin)");
    }
  }

  /** Lower-case name as written in token files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
