package io.keyframe.scoring.qa;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes a reproducible double-blind plan. Items are put in canonical order and shuffled by the
 * seed; the first {@code round(overlap * n)} go to two annotators, the rest to one. Each overlap
 * item goes to the pair used least so far (so pairs rotate and every pair meets about equally
 * often), ties broken by the lower combined load, then by the seed; each single item goes to the
 * least loaded annotator. Overlap items are placed first, while loads are still even, so the
 * singles can level them.
 */
public final class AssignmentPlanner {
  private AssignmentPlanner() {}

  public static AssignmentPlan plan(AssignmentOptions o) {
    List<WorkItem> items = new ArrayList<>(o.items());
    Collections.sort(items);
    List<String> people = new ArrayList<>(o.annotators());
    Collections.sort(people);
    SplittableRandom rnd = new SplittableRandom(o.seed());
    shuffle(items, rnd);
    int m = people.size();
    long[] load = new long[m];
    int[][] pairUse = new int[m][m];
    int doubles = (int) Math.round(o.overlap() * items.size());
    // Random tie-break order, drawn once per decision so it depends only on the seed.
    List<Assignment> out = new ArrayList<>(items.size());
    for (int k = 0; k < items.size(); k++) {
      WorkItem item = items.get(k);
      if (k < doubles) {
        int bestA = -1, bestB = -1;
        long bestKey0 = Long.MAX_VALUE, bestKey1 = Long.MAX_VALUE, bestKey2 = Long.MAX_VALUE;
        for (int a = 0; a < m; a++)
          for (int b = a + 1; b < m; b++) {
            long k0 = pairUse[a][b], k1 = load[a] + load[b], k2 = rnd.nextLong();
            if (k0 < bestKey0
                || (k0 == bestKey0 && (k1 < bestKey1 || (k1 == bestKey1 && k2 < bestKey2)))) {
              bestKey0 = k0;
              bestKey1 = k1;
              bestKey2 = k2;
              bestA = a;
              bestB = b;
            }
          }
        pairUse[bestA][bestB]++;
        load[bestA] += item.weight();
        load[bestB] += item.weight();
        // Which of the two is listed first carries no meaning; randomise it so it cannot leak
        // order.
        List<String> two =
            rnd.nextBoolean()
                ? List.of(people.get(bestA), people.get(bestB))
                : List.of(people.get(bestB), people.get(bestA));
        out.add(new Assignment(item, two));
      } else {
        int best = -1;
        long bestLoad = Long.MAX_VALUE, bestTie = Long.MAX_VALUE;
        for (int a = 0; a < m; a++) {
          long tie = rnd.nextLong();
          if (load[a] < bestLoad || (load[a] == bestLoad && tie < bestTie)) {
            best = a;
            bestLoad = load[a];
            bestTie = tie;
          }
        }
        load[best] += item.weight();
        out.add(new Assignment(item, List.of(people.get(best))));
      }
    }
    out.sort((x, y) -> x.item().compareTo(y.item()));
    return new AssignmentPlan(o.annotators(), out);
  }

  private static <T> void shuffle(List<T> list, SplittableRandom rnd) {
    for (int i = list.size() - 1; i > 0; i--) Collections.swap(list, i, rnd.nextInt(i + 1));
  }
}
