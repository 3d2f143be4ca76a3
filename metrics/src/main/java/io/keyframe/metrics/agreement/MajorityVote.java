package io.keyframe.metrics.agreement;

import io.keyframe.dataset.FrozenArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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
public record MajorityVote(
    FrozenArray.OfInt consensus, List<Boolean> tied, FrozenArray.OfDouble raterAccuracy) {
  public MajorityVote {
    tied = List.copyOf(tied);
  }

  /** Consensus category index of item {@code i}, -1 when unrated. */
  public int consensus(int i) {
    return consensus.get(i);
  }

  /** Whether the vote on item {@code i} was a tie. */
  public boolean tied(int i) {
    return tied.get(i);
  }

  /** Accuracy of rater {@code r} against the consensus (NaN if it rated nothing). */
  public double raterAccuracy(int r) {
    return raterAccuracy.get(r);
  }

  public static MajorityVote of(RatingTable t) {
    int n = t.items().size(), k = t.categories().size(), nr = t.raters().size();
    int[] consensus = new int[n];
    List<Boolean> tied = new ArrayList<>(n);
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
      tied.add(tie);
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
    return new MajorityVote(new FrozenArray.OfInt(consensus), tied, new FrozenArray.OfDouble(acc));
  }
}
