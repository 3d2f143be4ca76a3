package io.keyframe.scoring.qa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.BadAnnotationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AssignmentPlannerTest {
  @TempDir Path dir;

  static List<WorkItem> videos(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> WorkItem.video(String.format("video-%03d", i)))
        .toList();
  }

  @Test
  void samePlanForSameSeedWhateverTheArgumentOrderAndAnotherPlanForAnotherSeed() {
    AssignmentPlan a =
        AssignmentPlanner.plan(new AssignmentOptions(videos(40), List.of("A", "B", "C"), 0.25, 7));
    List<WorkItem> shuffled = new ArrayList<>(videos(40));
    Collections.reverse(shuffled);
    AssignmentPlan b =
        AssignmentPlanner.plan(new AssignmentOptions(shuffled, List.of("C", "A", "B"), 0.25, 7));
    AssignmentPlan c =
        AssignmentPlanner.plan(new AssignmentOptions(videos(40), List.of("A", "B", "C"), 0.25, 8));
    assertThat(b.assignments()).isEqualTo(a.assignments());
    assertThat(c.assignments()).isNotEqualTo(a.assignments());
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
  void overlapItemsGoToTwoDistinctAnnotatorsTheRestToOneAndLoadsDifferByAtMostOne(long seed) {
    int n = 100;
    AssignmentPlan p =
        AssignmentPlanner.plan(
            new AssignmentOptions(videos(n), List.of("A", "B", "C", "D", "E"), 0.2, seed));
    assertThat(p.assignments()).hasSize(n);
    assertThat(p.overlapItems()).hasSize(20);
    assertThat(p.assignments()).allSatisfy(x -> assertThat(x.annotators()).doesNotHaveDuplicates());
    // 100 items + 20 second labels = 120 units over 5 people: exactly 24 each is reachable.
    assertThat(p.load().values()).allSatisfy(l -> assertThat(l).isBetween(23, 25));
    int max = Collections.max(p.load().values()), min = Collections.min(p.load().values());
    assertThat(max - min).isLessThanOrEqualTo(1);
  }

  @Test
  void pairsRotateSoEveryPairMeetsAndNoneMeetsMuchMoreThanAnother() {
    AssignmentPlan p =
        AssignmentPlanner.plan(
            new AssignmentOptions(videos(60), List.of("A", "B", "C", "D"), 0.5, 3));
    Map<String, Integer> pairs = p.pairCounts();
    assertThat(pairs).hasSize(6); // 4 choose 2
    assertThat(Collections.max(pairs.values()) - Collections.min(pairs.values()))
        .isLessThanOrEqualTo(1);
  }

  @Test
  void frameSpansAreBalancedInFrames() {
    List<WorkItem> spans = new ArrayList<>();
    for (int v = 0; v < 5; v++)
      for (int s = 0; s < 10; s++) spans.add(WorkItem.span("v" + v, s * 100, s * 100 + 99));
    AssignmentPlan p =
        AssignmentPlanner.plan(new AssignmentOptions(spans, List.of("A", "B", "C"), 0.2, 1));
    assertThat(p.load().values()).allSatisfy(frames -> assertThat(frames).isBetween(1900, 2100));
  }

  @Test
  void worklistShowsOnlyTheAnnotatorsOwnItems() {
    AssignmentPlan p =
        AssignmentPlanner.plan(new AssignmentOptions(videos(10), List.of("A", "B"), 0.3, 1));
    List<WorkItem> a = p.worklist("A"), b = p.worklist("B");
    assertThat(a.size() + b.size()).isEqualTo(13);
    assertThat(a.stream().filter(b::contains)).hasSize(3);
  }

  @Test
  void oneAnnotatorWithOverlapIsAClearError() {
    assertThatThrownBy(() -> new AssignmentOptions(videos(3), List.of("A"), 0.2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs at least two annotators")
        .hasMessageContaining("only one was given (A)");
    assertThat(AssignmentPlanner.plan(new AssignmentOptions(videos(3), List.of("A"), 0, 1)).load())
        .containsEntry("A", 3);
  }

  @Test
  void otherBadOptionsAreRefused() {
    assertThatThrownBy(() -> new AssignmentOptions(videos(3), List.of("A", "A"), 0.2, 1))
        .hasMessageContaining("listed twice");
    assertThatThrownBy(() -> new AssignmentOptions(videos(3), List.of("A", "B"), 1.5, 1))
        .hasMessageContaining("[0,1]");
    assertThatThrownBy(
            () ->
                new AssignmentOptions(
                    List.of(WorkItem.video("x"), WorkItem.span("y", 0, 9)),
                    List.of("A", "B"),
                    0,
                    1))
        .hasMessageContaining("mixes");
    assertThatThrownBy(() -> new AssignmentOptions(List.of(), List.of("A", "B"), 0, 1))
        .hasMessageContaining("no items");
  }

  @Test
  void csvRoundTripsAndIsWrittenAtomically() throws Exception {
    AssignmentPlan p =
        AssignmentPlanner.plan(new AssignmentOptions(videos(12), List.of("A", "B", "C"), 0.25, 5));
    Path csv = dir.resolve("plan.csv");
    p.writeCsv(csv);
    assertThat(Files.readAllLines(csv))
        .hasSize(1 + 12 + 3)
        .first()
        .isEqualTo(AssignmentPlan.HEADER);
    assertThat(AssignmentPlan.readCsv(csv, List.of("A", "B", "C")).assignments())
        .isEqualTo(p.assignments());
    try (var s = Files.list(dir)) {
      assertThat(s.toList()).containsExactly(csv);
    }
  }

  @Test
  void unknownAnnotatorInAPlanFileIsReportedWithItsLine() throws Exception {
    Path csv = dir.resolve("plan.csv");
    Files.writeString(csv, AssignmentPlan.HEADER + "\nv1,v1,-1,-1,A,true\nv1,v1,-1,-1,Zed,true\n");
    assertThatThrownBy(() -> AssignmentPlan.readCsv(csv, List.of("A", "B")))
        .isInstanceOf(BadAnnotationException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("unknown annotator 'Zed' (known: A,B)");
  }

  @Test
  void submissionsAreCheckedAgainstThePlan() {
    AssignmentPlan p =
        new AssignmentPlan(
            List.of("A", "B", "C"),
            List.of(new Assignment(WorkItem.video("v1"), List.of("A", "B"))));
    p.requireAssigned("A", "v1");
    assertThatThrownBy(() -> p.requireAssigned("D", "v1"))
        .hasMessageContaining("unknown annotator 'D'");
    assertThatThrownBy(() -> p.requireAssigned("C", "v1"))
        .hasMessageContaining("was not assigned video v1 (assigned to [A, B])");
    assertThatThrownBy(() -> p.requireAssigned("A", "v9")).hasMessageContaining("not in the plan");
  }
}
