package io.keyframe.dataset;

import static io.keyframe.dataset.TestSets.trackedBox;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An annotation set keeps its detections in the order the JDK's stable sort gives, {@code
 * stream().sorted(comparingInt(frame).thenComparingInt(trackId)).toList()}, whatever shortcut it
 * takes for lists already (or nearly) in order; it refuses the first unknown label in that order.
 */
class AnnotationSetOrderTest {
  private static final Video VIDEO = new Video("v", 25, 100, 100, 1_000, "");
  private static final List<String> LABELS = List.of("a", "b", "c");

  private static List<Detection> jdkOrder(List<Detection> detections) {
    return detections.stream()
        .sorted(Comparator.comparingInt(Detection::frame).thenComparingInt(Detection::trackId))
        .toList();
  }

  private static AnnotationSet set(List<Detection> detections) {
    return new AnnotationSet(VIDEO, Provenance.unknown(), LABELS, detections);
  }

  /** Detection {@code serial} of a list: its box width tells equal keys apart. */
  private static Detection detection(int frame, int trackId, String label, int serial) {
    return trackedBox(frame, trackId, label, new Box(0, 0, 1 + serial, 1)).build();
  }

  @Test
  void detectionsComeInTheJdkStableSortOrderForEveryShapeOfList() {
    Random r = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      List<Detection> in = new ArrayList<>();
      int frames = 1 + r.nextInt(20), shape = trial % 4;
      for (int f = 0; f < frames; f++) {
        List<Detection> frame = new ArrayList<>();
        int n = r.nextInt(shape == 3 ? 400 : 30);
        for (int k = 0; k < n; k++) {
          // few ids, so equal (frame, id) keys occur; untracked (-1) and extreme ids too
          int id =
              switch (r.nextInt(8)) {
                case 0 -> Detection.UNTRACKED;
                case 1 -> Integer.MAX_VALUE - r.nextInt(2);
                default -> r.nextInt(shape == 3 ? 1_000_000 : 12);
              };
          frame.add(detection(f, id, LABELS.get(r.nextInt(3)), in.size() + frame.size()));
        }
        if (shape == 0) frame.sort(Comparator.comparingInt(Detection::trackId)); // all in order
        in.addAll(frame);
      }
      if (shape == 2) Collections.shuffle(in, r); // frames go back too
      assertThat(set(in).detections())
          .as("trial %d", trial)
          .containsExactlyElementsOf(jdkOrder(in));
    }
  }

  @Test
  void emptyAndSingleDetectionListsAreKept() {
    assertThat(set(List.of()).detections()).isEmpty();
    Detection d = detection(3, 7, "b", 0);
    assertThat(set(List.of(d)).detections()).containsExactly(d);
  }

  @Test
  void theDetectionsCannotBeChangedAndMayBeAskedForNull() {
    List<Detection> in = new ArrayList<>(List.of(detection(1, 2, "a", 0), detection(0, 5, "a", 1)));
    AnnotationSet set = set(in);
    in.clear(); // the set holds its own copy
    assertThat(set.detections()).hasSize(2);
    assertThatThrownBy(() -> set.detections().add(detection(0, 1, "a", 2)))
        .isInstanceOf(UnsupportedOperationException.class);
    // Stream.toList()'s list, as before: asking for null answers false rather than throwing
    assertThat(set.detections().contains(null)).isFalse();
    assertThat(set.detections().indexOf(null)).isEqualTo(-1);
  }

  @Test
  void theFirstUnknownLabelInFrameTrackOrderIsRefused() {
    List<Detection> in =
        List.of(
            detection(2, 1, "x", 0),
            detection(0, 1, "a", 1),
            detection(0, 2, "a", 2),
            detection(1, 4, "y", 3),
            detection(1, 3, "a", 4));
    assertThatThrownBy(() -> set(in))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'y' is not in the label list [a, b, c]");
  }

  @Test
  void aLabelIsCheckedEvenWhenEqualToThePreviousOneButAnotherString() {
    // Equal text, another reference: found in the list like any label.
    String a = new String("a");
    AnnotationSet set = set(List.of(detection(0, 1, "a", 0), detection(0, 2, a, 1)));
    assertThat(set.detections()).extracting(Detection::label).containsExactly("a", "a");
    assertThatThrownBy(() -> set(List.of(detection(0, 1, "a", 0), detection(0, 2, "z", 1))))
        .hasMessage("label 'z' is not in the label list [a, b, c]");
  }
}
