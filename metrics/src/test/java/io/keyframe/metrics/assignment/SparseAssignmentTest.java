package io.keyframe.metrics.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyframe.metrics.assignment.SparseAssignment.Elsewhere;
import java.io.IOException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparseAssignmentTest {
  @ParameterizedTest
  @CsvSource({"sparse, ZERO", "forbidden, FORBIDDEN"})
  void listedPairsEqualScipysOnTheWholeMatrix(String kind, Elsewhere elsewhere) throws IOException {
    var cases = ScipyCases.all().stream().filter(c -> c.kind().equals(kind)).toList();
    assertThat(cases).hasSize(60);
    SparseAssignment solver = new SparseAssignment();
    for (ScipyCases c : cases) {
      int[] listed = listed(c.cost(), elsewhere);
      double[] cost = IntStream.of(listed).mapToDouble(k -> c.cost()[k]).toArray();
      int[] got = solver.solve(c.rows(), c.cols(), listed, cost, listed.length, elsewhere);
      // SciPy's pairs on listed entries (the forbidden cases hold only those already).
      int[] expected = c.scipy().clone();
      for (int i = 0; i < c.rows(); i++)
        if (expected[i] >= 0 && !isListed(c.cost()[i * c.cols() + expected[i]], elsewhere))
          expected[i] = -1;
      // Uniform random costs repeat with probability ~0: every case is solved by components.
      assertThat(got).as(c.toString()).containsExactly(expected);
    }
  }

  @Test
  void aChainIsSolvedAsOneComponentAndALoneOverlapAsItself() {
    // Hand arithmetic on a 3 x 3 matrix, zero elsewhere. Rows 0-1 and columns 0-1 form one
    // component: 0->1 and 1->0 total -0.8 - 0.85 = -1.65, better than 0->0 alone (-0.9). Row 2 and
    // column 2 stand alone (-0.3).
    int[] listed = {0, 1, 3, 8};
    double[] cost = {-0.9, -0.8, -0.85, -0.3};
    assertThat(new SparseAssignment().solve(3, 3, listed, cost, 4, Elsewhere.ZERO))
        .containsExactly(1, 0, 2);
  }

  @Test
  void forbiddenElsewherePairsAsManyAsPossibleBeforeTheCheapest() {
    // The same pattern with distances, forbidden elsewhere: 0->1 and 1->0 (0.8 + 0.85) pair two
    // rows where 0->0 (0.1) pairs one, so py-motmetrics takes the two.
    int[] listed = {0, 1, 3, 8};
    double[] cost = {0.1, 0.8, 0.85, 0.3};
    assertThat(new SparseAssignment().solve(3, 3, listed, cost, 4, Elsewhere.FORBIDDEN))
        .containsExactly(1, 0, 2);
  }

  @Test
  void aRepeatedCostIsLeftToTheWholeMatrixSolve() {
    // Two equally good matchings (-0.5 - 0.5 either way): SciPy's order decides, so no answer here.
    double[] cost = {-0.5, -0.5, -0.5, -0.5};
    assertThat(new SparseAssignment().solve(2, 2, new int[] {0, 1, 2, 3}, cost, 4, Elsewhere.ZERO))
        .isNull();
  }

  @Test
  void aCostThatDoesNotFitElsewhereIsLeftToTheWholeMatrixSolve() {
    SparseAssignment solver = new SparseAssignment();
    int[] listed = {0, 1};
    assertThat(solver.solve(1, 2, listed, new double[] {-0.0, -0.2}, 2, Elsewhere.ZERO)).isNull();
    assertThat(solver.solve(1, 2, listed, new double[] {Double.NaN, 0.2}, 2, Elsewhere.FORBIDDEN))
        .isNull();
  }

  @Test
  void rowsWithoutListedEntriesStayUnassigned() {
    assertThat(
            new SparseAssignment()
                .solve(2, 2, new int[] {3}, new double[] {-0.4}, 1, Elsewhere.ZERO))
        .containsExactly(-1, 1);
  }

  private static boolean isListed(double cost, Elsewhere elsewhere) {
    return elsewhere == Elsewhere.ZERO ? cost < 0 : Double.isFinite(cost);
  }

  private static int[] listed(double[] cost, Elsewhere elsewhere) {
    return IntStream.range(0, cost.length).filter(k -> isListed(cost[k], elsewhere)).toArray();
  }
}
