package io.keyframe.metrics.identity;

/**
 * Summed identity counts; IDF1, IDP and IDR are derived from them so that sequences and classes
 * combine by addition (as py-motmetrics and TrackEval do).
 *
 * @param idtp detections on the globally matched ID pairs that overlap enough
 * @param idfp predicted detections not covered by an ID true positive
 * @param idfn ground-truth detections not covered by an ID true positive
 */
public record IdentityCounts(long idtp, long idfp, long idfn) {
  public IdentityCounts {
    if (idtp < 0 || idfp < 0 || idfn < 0)
      throw new IllegalArgumentException(
          "negative identity count: " + idtp + "/" + idfp + "/" + idfn);
  }

  public static final IdentityCounts ZERO = new IdentityCounts(0, 0, 0);

  public IdentityCounts plus(IdentityCounts o) {
    return new IdentityCounts(idtp + o.idtp, idfp + o.idfp, idfn + o.idfn);
  }

  /** 2 IDTP / (2 IDTP + IDFP + IDFN); NaN when both sides are empty. */
  public double idf1() {
    long d = 2 * idtp + idfp + idfn;
    return d == 0 ? Double.NaN : 2.0 * idtp / d;
  }

  /** IDTP / (IDTP + IDFP). */
  public double idp() {
    long d = idtp + idfp;
    return d == 0 ? Double.NaN : (double) idtp / d;
  }

  /** IDTP / (IDTP + IDFN). */
  public double idr() {
    long d = idtp + idfn;
    return d == 0 ? Double.NaN : (double) idtp / d;
  }
}
