package io.keyframe.simulation;

/**
 * What one strategy achieved on one batch of one seed.
 *
 * @param strategy {@code combined}, {@code random}, or a signal name (that signal alone)
 * @param seed world seed
 * @param batch 0-based batch
 * @param framesReviewed frames sent to the expert
 * @param errorsCaught erroneous object-frames on reviewed frames (fixed by the expert)
 * @param errorsTotal erroneous object-frames in the batch
 * @param faultsTouched injected faults with at least one reviewed frame
 * @param faultsTotal injected faults in the batch
 * @param idf1Before IDF1 of the delivered labels vs truth over every batch so far, before this
 *     batch's fixes (NaN when not measured for this strategy)
 * @param idf1After the same after the fixes
 * @param hotaBefore HOTA before the fixes (NaN when not measured)
 * @param hotaAfter HOTA after the fixes
 * @param byKind error kind -> {object-frames caught, object-frames in all}
 */
public record BatchOutcome(
    String strategy,
    long seed,
    int batch,
    int framesReviewed,
    long errorsCaught,
    long errorsTotal,
    int faultsTouched,
    int faultsTotal,
    double idf1Before,
    double idf1After,
    double hotaBefore,
    double hotaAfter,
    java.util.Map<String, long[]> byKind) {
  public BatchOutcome {
    java.util.Map<String, long[]> copy = new java.util.HashMap<>();
    byKind.forEach((k, v) -> copy.put(k, v.clone()));
    byKind = java.util.Map.copyOf(copy);
  }

  /** Error kind -> {object-frames caught, object-frames in all} (copies of the pairs). */
  @Override
  public java.util.Map<String, long[]> byKind() {
    java.util.Map<String, long[]> copy = new java.util.HashMap<>();
    byKind.forEach((k, v) -> copy.put(k, v.clone()));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
