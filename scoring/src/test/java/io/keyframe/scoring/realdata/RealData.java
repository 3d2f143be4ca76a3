package io.keyframe.scoring.realdata;

import java.nio.file.Path;
import java.util.Set;

/** The committed real sequences (src/test/resources/real/trackeval, SOURCES.md there). */
final class RealData {
  private RealData() {}

  /**
   * TrackEval's data folder with the first 200 frames of seven MOT17 training sequences and MoTT's
   * output.
   */
  static final Path DATA = Path.of("src/test/resources/real/trackeval/data");

  /** Sequences the weights were tuned on; the other four are held out. */
  static final Set<String> TUNED_ON = RealEvaluation.DEFAULTS_TUNED_ON;
}
