package io.keyframe.metrics.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearAssignmentTest {
  @Test
  void everyColumnEqualsScipysTiesAndForbiddenEntriesIncluded() throws IOException {
    List<ScipyCases> cases = ScipyCases.all();
    assertThat(cases).hasSize(200);
    LinearAssignment lap = new LinearAssignment();
    for (ScipyCases c : cases) {
      int[] got =
          c.kind().equals("forbidden")
              ? lap.solveAllowingForbidden(c.cost(), c.rows(), c.cols())
              : lap.solve(c.cost(), c.rows(), c.cols());
      assertThat(got).as(c.toString()).containsExactly(c.scipy());
    }
  }

  @Test
  void moreRowsThanColumnsLeavesTheDearestRowUnassigned() {
    // Hand arithmetic: 3 rows, 2 columns; rows 0 and 2 take columns 1 and 0 (1 + 2 = 3), row 1's
    // costs (5, 6) are dearer than either.
    double[] cost = {4, 1, 5, 6, 2, 7};
    assertThat(new LinearAssignment().solve(cost, 3, 2)).containsExactly(1, -1, 0);
  }
}
