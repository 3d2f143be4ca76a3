package io.keyframe.metrics.agreement;

import java.util.Arrays;

/**
 * Consensus labels by majority vote over the raters of each item, and each rater's accuracy against
 * that consensus. Ties go to the first category in sorted label order, so the result is
 * deterministic; items nobody rated have no consensus (-1).
 *
 * @param consensus category index per item, -1 when unrated
 * @param tied true where the vote was a tie
 * @param raterAccuracy per rater: fraction of its rated items that equal the consensus (NaN if it
 *     rated none)
 */
public record MajorityVote(int[] consensus, boolean[] tied, double[] raterAccuracy) {
  public MajorityVote {
    consensus = consensus.clone();
    tied = tied.clone();
    raterAccuracy = raterAccuracy.clone();
  }

  /** Category index per item, -1 when unrated (a copy). */
  @Override
  public int[] consensus() {
    return consensus.clone();
  }

  /** True where the vote was a tie (a copy). */
  @Override
  public boolean[] tied() {
    return tied.clone();
  }

  /** Per rater, the fraction of its rated items that equal the consensus (a copy). */
  @Override
  public double[] raterAccuracy() {
    return raterAccuracy.clone();
  }

  /** Consensus category index of item {@code i}, -1 when unrated. */
  public int consensus(int i) {
    return consensus[i];
  }

  /** Whether the vote on item {@code i} was a tie. */
  public boolean tied(int i) {
    return tied[i];
  }

  /** Accuracy of rater {@code r} against the consensus (NaN if it rated nothing). */
  public double raterAccuracy(int r) {
    return raterAccuracy[r];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MajorityVote m
        && Arrays.equals(consensus, m.consensus)
        && Arrays.equals(tied, m.tied)
        && Arrays.equals(raterAccuracy, m.raterAccuracy);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(consensus) * 31 + Arrays.hashCode(tied);
  }

  @Override
  public String toString() {
    return "MajorityVote[consensus="
        + Arrays.toString(consensus)
        + ", tied="
        + Arrays.toString(tied)
        + ", raterAccuracy="
        + Arrays.toString(raterAccuracy)
        + "]";
  }

  public static MajorityVote of(RatingTable t) {
    int n = t.items().size(), k = t.categories().size(), nr = t.raters().size();
    int[] consensus = new int[n];
    boolean[] tied = new boolean[n];
    int[] votes = new int[k];
    for (int i = 0; i < n; i++) {
      Arrays.fill(votes, 0);
      for (int r = 0; r < nr; r++) if (t.code(i, r) >= 0) votes[t.code(i, r)]++;
      int best = -1, bestVotes = 0;
      boolean tie = false;
      for (int c = 0; c < k; c++) {
        if (votes[c] > bestVotes) {
          best = c;
          bestVotes = votes[c];
          tie = false;
        } else if (votes[c] == bestVotes && bestVotes > 0) tie = true;
      }
      consensus[i] = best;
      tied[i] = tie;
    }
    double[] acc = new double[nr];
    for (int r = 0; r < nr; r++) {
      int rated = 0, agree = 0;
      for (int i = 0; i < n; i++) {
        if (t.code(i, r) < 0) continue;
        rated++;
        if (t.code(i, r) == consensus[i]) agree++;
      }
      acc[r] = rated == 0 ? Double.NaN : (double) agree / rated;
    }
    return new MajorityVote(consensus, tied, acc);
  }
}
