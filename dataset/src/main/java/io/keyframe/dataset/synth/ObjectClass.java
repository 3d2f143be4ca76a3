package io.keyframe.dataset.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The equipment classes the generator places in a room, each with a sprite drawn from solid parts
 * at a given scale, where it stands (its bottom edge as a fraction of frame height), whether it can
 * be wheeled around, and the classes it is most easily confused with.
 */
public enum ObjectClass {
  BED_RAIL(0.64, 0.74, false),
  IV_POLE(0.80, 0.92, true),
  VITAL_SIGNS_MONITOR(0.30, 0.45, false),
  BREATHING_TUBE(0.62, 0.72, false),
  HUMIDIFIER(0.40, 0.55, false),
  WHEELCHAIR(0.85, 0.97, true),
  OXYGEN_CYLINDER(0.82, 0.95, true),
  INFUSION_PUMP(0.45, 0.60, true),
  BEDSIDE_TABLE(0.80, 0.93, true),
  CALL_BUTTON(0.35, 0.62, false),
  SUCTION_UNIT(0.35, 0.50, false),
  HAND_SANITIZER(0.30, 0.50, false);

  private final double bottomMin;
  private final double bottomMax;
  private final boolean movable;

  ObjectClass(double bottomMin, double bottomMax, boolean movable) {
    this.bottomMin = bottomMin;
    this.bottomMax = bottomMax;
    this.movable = movable;
  }

  /** The label used in annotation files, e.g. {@code iv_pole}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** All labels in declaration order: the category order of every generated file. */
  public static List<String> labels() {
    List<String> out = new ArrayList<>();
    for (ObjectClass c : values()) out.add(c.label());
    return List.copyOf(out);
  }

  private static final java.util.Map<String, ObjectClass> BY_LABEL = new java.util.HashMap<>();

  static {
    for (ObjectClass c : values()) BY_LABEL.put(c.label(), c);
  }

  /**
   * The class with label {@code label}.
   *
   * @throws IllegalArgumentException for a label that is not a generator class
   */
  public static ObjectClass ofLabel(String label) {
    ObjectClass c = BY_LABEL.get(label);
    if (c == null) throw new IllegalArgumentException("not a generator class: " + label);
    return c;
  }

  /** Lowest bottom edge, as a fraction of frame height. */
  public double bottomMin() {
    return bottomMin;
  }

  /** Highest bottom edge, as a fraction of frame height. */
  public double bottomMax() {
    return bottomMax;
  }

  /** True for equipment that staff wheel around (and out of the room). */
  public boolean movable() {
    return movable;
  }

  /** The class a confused annotator or detector most likely reports instead. */
  public ObjectClass confusedWith() {
    return switch (this) {
      case BED_RAIL -> BEDSIDE_TABLE;
      case IV_POLE -> OXYGEN_CYLINDER;
      case VITAL_SIGNS_MONITOR -> INFUSION_PUMP;
      case BREATHING_TUBE -> BED_RAIL;
      case HUMIDIFIER -> SUCTION_UNIT;
      case WHEELCHAIR -> BEDSIDE_TABLE;
      case OXYGEN_CYLINDER -> IV_POLE;
      case INFUSION_PUMP -> VITAL_SIGNS_MONITOR;
      case BEDSIDE_TABLE -> WHEELCHAIR;
      case CALL_BUTTON -> HAND_SANITIZER;
      case SUCTION_UNIT -> HUMIDIFIER;
      case HAND_SANITIZER -> CALL_BUTTON;
    };
  }

  /** The sprite of this class at {@code scale} (1 = designed for a 360-pixel-high frame). */
  public Sprite sprite(double scale) {
    return switch (this) {
      case BED_RAIL ->
          sprite(
              scale,
              90,
              22,
              new int[][] {
                {0, 0, 0, 90, 4, 0xb8bcc4},
                {0, 0, 18, 90, 4, 0xb8bcc4},
                {0, 4, 4, 4, 14, 0x9aa0a8},
                {0, 30, 4, 4, 14, 0x9aa0a8},
                {0, 56, 4, 4, 14, 0x9aa0a8},
                {0, 82, 4, 4, 14, 0x9aa0a8}
              });
      case IV_POLE ->
          sprite(
              scale,
              28,
              150,
              new int[][] {
                {0, 12, 8, 4, 136, 0xc8ccd2},
                {0, 2, 6, 24, 3, 0xc8ccd2},
                {1, 8, 10, 12, 18, 0xd9f0ff},
                {0, 0, 144, 28, 6, 0x6c7078}
              });
      case VITAL_SIGNS_MONITOR ->
          sprite(
              scale,
              52,
              42,
              new int[][] {
                {0, 0, 0, 52, 36, 0x2b2f36},
                {0, 4, 4, 44, 26, 0x0b3d1c},
                {0, 6, 10, 20, 3, 0x3cff6a},
                {0, 6, 18, 30, 3, 0xffe14a},
                {0, 20, 36, 12, 6, 0x4a4f58}
              });
      case BREATHING_TUBE ->
          sprite(
              scale,
              44,
              16,
              new int[][] {
                {0, 0, 0, 10, 5, 0xe6eef5},
                {0, 8, 3, 10, 5, 0xe6eef5},
                {0, 16, 6, 10, 5, 0xe6eef5},
                {0, 24, 9, 10, 5, 0xe6eef5},
                {0, 32, 11, 12, 5, 0xe6eef5}
              });
      case HUMIDIFIER ->
          sprite(
              scale,
              24,
              32,
              new int[][] {
                {0, 0, 6, 24, 26, 0x7fb8d8},
                {1, 4, 0, 16, 12, 0xa9d5ee},
                {0, 6, 20, 12, 4, 0x305870}
              });
      case WHEELCHAIR ->
          sprite(
              scale,
              62,
              62,
              new int[][] {
                {0, 40, 0, 8, 36, 0x303438},
                {0, 10, 26, 38, 8, 0x2a4a8a},
                {1, 4, 24, 38, 38, 0x484c52},
                {1, 12, 32, 22, 22, 0xd0d4da},
                {1, 48, 48, 14, 14, 0x484c52}
              });
      case OXYGEN_CYLINDER ->
          sprite(
              scale,
              18,
              62,
              new int[][] {
                {0, 0, 8, 18, 54, 0x2e8b57}, {1, 0, 2, 18, 12, 0x2e8b57}, {0, 6, 0, 6, 5, 0xb0b4ba}
              });
      case INFUSION_PUMP ->
          sprite(
              scale,
              28,
              34,
              new int[][] {
                {0, 0, 0, 28, 34, 0xe8e2d0},
                {0, 4, 4, 20, 10, 0x1a3a5a},
                {1, 10, 20, 8, 8, 0xd04040}
              });
      case BEDSIDE_TABLE ->
          sprite(
              scale,
              52,
              46,
              new int[][] {
                {0, 0, 0, 52, 8, 0xa0724a},
                {0, 4, 8, 44, 30, 0x8a5f3c},
                {0, 4, 38, 6, 8, 0x555555},
                {0, 42, 38, 6, 8, 0x555555},
                {0, 20, 18, 12, 3, 0xd8c8a0}
              });
      case CALL_BUTTON ->
          sprite(
              scale, 12, 16, new int[][] {{0, 0, 0, 12, 16, 0xf2f2f2}, {1, 2, 3, 8, 8, 0xe03030}});
      case SUCTION_UNIT ->
          sprite(
              scale,
              26,
              32,
              new int[][] {
                {1, 0, 0, 26, 12, 0xf4f4e8},
                {0, 2, 6, 22, 26, 0xf4f4e8},
                {0, 6, 12, 14, 6, 0x6a8a50}
              });
      case HAND_SANITIZER ->
          sprite(
              scale, 12, 24, new int[][] {{0, 0, 6, 12, 18, 0x9fd8c8}, {0, 4, 0, 4, 7, 0x404040}});
    };
  }

  /** Builds a sprite from {ellipse, dx, dy, w, h, rgb} rows designed at scale 1. */
  private static Sprite sprite(double scale, int w, int h, int[][] rows) {
    int sw = Math.max(1, (int) Math.round(w * scale));
    int sh = Math.max(1, (int) Math.round(h * scale));
    List<Part> parts = new ArrayList<>(rows.length);
    for (int[] r : rows) {
      int dx = (int) Math.round(r[1] * scale), dy = (int) Math.round(r[2] * scale);
      int pw = Math.max(1, (int) Math.round(r[3] * scale)),
          ph = Math.max(1, (int) Math.round(r[4] * scale));
      dx = Math.min(dx, sw - 1);
      dy = Math.min(dy, sh - 1);
      pw = Math.min(pw, sw - dx);
      ph = Math.min(ph, sh - dy);
      parts.add(new Part(r[0] == 1, dx, dy, pw, ph, r[5]));
    }
    return new Sprite(sw, sh, parts);
  }
}
