package io.keyframe.metrics.agreement;

import java.util.Arrays;

/**
 * Consensus labels by majority vote over the raters of each item, and each rater's accuracy
 * against that consensus. Ties go to the first category in sorted label order, so the result is
 * deterministic; items nobody rated have no consensus (-1).
 *
 * @param consensus category index per item, -1 when unrated
 * @param tied true where the vote was a tie
 * @param raterAccuracy per rater: fraction of its rated items that equal the consensus (NaN if it rated none)
 */
public record MajorityVote(int[] consensus, boolean[] tied, double[] raterAccuracy) {
  public MajorityVote {
    consensus = consensus.clone();
    tied = tied.clone();
    raterAccuracy = raterAccuracy.clone();
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
