package io.keyframe.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The equipment classes the generator places in a room, each with a sprite drawn from solid parts
 * at a given scale, where it stands (its bottom edge as a fraction of frame height), whether it can
 * be wheeled around, and the classes it is most easily confused with.
 */
public enum ObjectClass {
  BED_RAIL(
      0.64,
      0.74,
      false,
      "BEDSIDE_TABLE",
      "90x22: r 0 0 90 4 b8bcc4, r 0 18 90 4 b8bcc4, r 4 4 4 14 9aa0a8, r 30 4 4 14 9aa0a8, r 56 4 4 14 9aa0a8, r 82 4 4 14 9aa0a8"),
  IV_POLE(
      0.80,
      0.92,
      true,
      "OXYGEN_CYLINDER",
      "28x150: r 12 8 4 136 c8ccd2, r 2 6 24 3 c8ccd2, e 8 10 12 18 d9f0ff, r 0 144 28 6 6c7078"),
  VITAL_SIGNS_MONITOR(
      0.30,
      0.45,
      false,
      "INFUSION_PUMP",
      "52x42: r 0 0 52 36 2b2f36, r 4 4 44 26 0b3d1c, r 6 10 20 3 3cff6a, r 6 18 30 3 ffe14a, r 20 36 12 6 4a4f58"),
  BREATHING_TUBE(
      0.62,
      0.72,
      false,
      "BED_RAIL",
      "44x16: r 0 0 10 5 e6eef5, r 8 3 10 5 e6eef5, r 16 6 10 5 e6eef5, r 24 9 10 5 e6eef5, r 32 11 12 5 e6eef5"),
  HUMIDIFIER(
      0.40,
      0.55,
      false,
      "SUCTION_UNIT",
      "24x32: r 0 6 24 26 7fb8d8, e 4 0 16 12 a9d5ee, r 6 20 12 4 305870"),
  WHEELCHAIR(
      0.85,
      0.97,
      true,
      "BEDSIDE_TABLE",
      "62x62: r 40 0 8 36 303438, r 10 26 38 8 2a4a8a, e 4 24 38 38 484c52, e 12 32 22 22 d0d4da, e 48 48 14 14 484c52"),
  OXYGEN_CYLINDER(
      0.82,
      0.95,
      true,
      "IV_POLE",
      "18x62: r 0 8 18 54 2e8b57, e 0 2 18 12 2e8b57, r 6 0 6 5 b0b4ba"),
  INFUSION_PUMP(
      0.45,
      0.60,
      true,
      "VITAL_SIGNS_MONITOR",
      "28x34: r 0 0 28 34 e8e2d0, r 4 4 20 10 1a3a5a, e 10 20 8 8 d04040"),
  BEDSIDE_TABLE(
      0.80,
      0.93,
      true,
      "WHEELCHAIR",
      "52x46: r 0 0 52 8 a0724a, r 4 8 44 30 8a5f3c, r 4 38 6 8 555555, r 42 38 6 8 555555, r 20 18 12 3 d8c8a0"),
  CALL_BUTTON(0.35, 0.62, false, "HAND_SANITIZER", "12x16: r 0 0 12 16 f2f2f2, e 2 3 8 8 e03030"),
  SUCTION_UNIT(
      0.35,
      0.50,
      false,
      "HUMIDIFIER",
      "26x32: e 0 0 26 12 f4f4e8, r 2 6 22 26 f4f4e8, r 6 12 14 6 6a8a50"),
  HAND_SANITIZER(0.30, 0.50, false, "CALL_BUTTON", "12x24: r 0 6 12 18 9fd8c8, r 4 0 4 7 404040");

  private final double bottomMin;
  private final double bottomMax;
  private final boolean movable;
  private final String confusedWith;

  /** Sprite size at scale 1. */
  private final int spriteWidth;

  private final int spriteHeight;

  /** Sprite parts at scale 1: {ellipse, dx, dy, w, h, rgb}. */
  private final int[][] parts;

  /**
   * @param confusedWith the name of the class a confused annotator or detector reports instead
   * @param sprite {@code WxH: } then parts {@code r|e DX DY W H RRGGBB} (rectangle or ellipse,
   *     designed at scale 1, for a 360-pixel-high frame), separated by commas
   */
  ObjectClass(
      double bottomMin, double bottomMax, boolean movable, String confusedWith, String sprite) {
    this.bottomMin = bottomMin;
    this.bottomMax = bottomMax;
    this.movable = movable;
    this.confusedWith = confusedWith;
    String[] sizeAndParts = sprite.split(": ");
    String[] size = sizeAndParts[0].split("x");
    spriteWidth = Integer.parseInt(size[0]);
    spriteHeight = Integer.parseInt(size[1]);
    String[] specs = sizeAndParts[1].split(", ");
    parts = new int[specs.length][];
    for (int i = 0; i < specs.length; i++) {
      String[] f = specs[i].split(" ");
      parts[i] =
          new int[] {
            f[0].equals("e") ? 1 : 0,
            Integer.parseInt(f[1]),
            Integer.parseInt(f[2]),
            Integer.parseInt(f[3]),
            Integer.parseInt(f[4]),
            Integer.parseInt(f[5], 16)
          };
    }
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
    return valueOf(confusedWith);
  }

  /** The sprite of this class at {@code scale} (1 = designed for a 360-pixel-high frame). */
  public Sprite sprite(double scale) {
    return sprite(scale, spriteWidth, spriteHeight, parts);
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
