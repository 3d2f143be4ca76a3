package io.keyframe.dataset.mot;

import java.util.Locale;

/**
 * What columns 8-10 of a MOTChallenge line mean. The first seven columns ({@code
 * frame,id,x,y,w,h,conf}) are the same in every MOTChallenge file; after them the 2015 benchmark
 * and the later ones part ways.
 */
public enum MotLayout {
  /**
   * MOT15-2D (2D MOT 2015, py-motmetrics' {@code mot15-2D}): columns 8-10 are world coordinates
   * {@code x,y,z} of the object's foot point, -1 where unknown. They carry no class and no
   * visibility and keyframe does not keep them. Results files ({@code ...,-1,-1,-1}) have this
   * shape too.
   */
  MOT15,
  /** MOT16, MOT17, MOT20 ground truth: column 8 is the class id, column 9 the visibility ratio. */
  MOT16;

  /** Parses {@code mot15} / {@code mot16} (also {@code mot17}, {@code mot20}: the same layout). */
  public static MotLayout parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "mot15", "mot15-2d" -> MOT15;
      case "mot16", "mot17", "mot20" -> MOT16;
      default ->
          throw new IllegalArgumentException("unknown MOT layout '" + s + "' (mot15 or mot16)");
    };
  }

  /** The name the CLI prints and parses. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
