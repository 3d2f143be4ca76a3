package io.keyframe.metrics.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparseAssignmentTest {
  @Test
  void negativePairsEqualScipysOnTheWholeMatrix() throws IOException {
    List<ScipyCases> sparse =
        ScipyCases.all().stream().filter(c -> c.kind().equals("sparse")).toList();
    assertThat(sparse).hasSize(60);
    SparseAssignment solver = new SparseAssignment();
    int solved = 0;
    for (ScipyCases c : sparse) {
      int[] got = solver.solve(c.cost(), negatives(c.cost()), c.rows(), c.cols());
      if (got == null) continue; // a repeated cost: left to the whole-matrix solve
      solved++;
      int[] expected = c.scipy().clone();
      for (int i = 0; i < c.rows(); i++)
        if (expected[i] >= 0 && !(c.cost()[i * c.cols() + expected[i]] < 0)) expected[i] = -1;
      assertThat(got).as(c.toString()).containsExactly(expected);
    }
    // Uniform random costs repeat with probability ~0: every case is solved by components.
    assertThat(solved).isEqualTo(60);
  }

  @Test
  void aChainIsSolvedAsOneComponentAndALoneOverlapAsItself() {
    // Hand arithmetic. Rows 0-1 and columns 0-1 form one component: 0->1 and 1->0 total
    // -0.8 - 0.85 = -1.65, better than 0->0 alone (-0.9). Row 2 / column 2 stand alone (-0.3).
    double[] cost = {
      -0.9, -0.8, 0, //
      -0.85, 0, 0, //
      0, 0, -0.3
    };
    assertThat(new SparseAssignment().solve(cost, new int[] {0, 1, 3, 8}, 3, 3))
        .containsExactly(1, 0, 2);
  }

  @Test
  void aRepeatedCostIsLeftToTheWholeMatrixSolve() {
    // Two equally good matchings (-0.5 - 0.5 either way): SciPy's order decides, so no answer here.
    double[] cost = {-0.5, -0.5, -0.5, -0.5};
    assertThat(new SparseAssignment().solve(cost, new int[] {0, 1, 2, 3}, 2, 2)).isNull();
  }

  @Test
  void aZeroAtAListedIndexIsLeftToTheWholeMatrixSolve() {
    assertThat(new SparseAssignment().solve(new double[] {-0.0, -0.2}, new int[] {0, 1}, 1, 2))
        .isNull();
  }

  @Test
  void rowsWithoutOverlapsStayUnassigned() {
    double[] cost = {0, 0, 0, -0.4};
    assertThat(new SparseAssignment().solve(cost, new int[] {3}, 2, 2)).containsExactly(-1, 1);
  }

  private static int[] negatives(double[] cost) {
    return java.util.stream.IntStream.range(0, cost.length).filter(k -> cost[k] < 0).toArray();
  }
}
