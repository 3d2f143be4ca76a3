package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A merged annotation with the decision behind every object and what needs an expert.
 *
 * @param merged the consensus annotation; its provenance names the annotators and the rules
 * @param objects one decision per object and frame, kept or dropped
 * @param expertList objects the rules could not settle (class ties, presence ties)
 */
public record ConsensusResult(AnnotationSet merged, List<String> annotators, List<ConsensusObject> objects, List<ReviewItem> expertList) {
  public ConsensusResult {
    annotators = List.copyOf(annotators);
    objects = List.copyOf(objects);
    expertList = List.copyOf(expertList);
  }

  /** Writes the per-object provenance as CSV ({@code frame,track_id,label,seen_by,...}). */
  public void writeProvenanceCsv(Path target) throws IOException {
    StringBuilder b = new StringBuilder(ConsensusObject.CSV_HEADER).append('\n');
    for (ConsensusObject o : objects) b.append(o.csvRow()).append('\n');
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(target, out -> out.write(bytes));
  }

  /** Writes the expert list as CSV ({@link ReviewItem#CSV_HEADER}). */
  public void writeExpertCsv(Path target) throws IOException {
    ReviewList.writeCsv(expertList, target);
  }

  /** A few lines for the terminal. */
  public String summary() {
    long kept = objects.stream().filter(ConsensusObject::kept).count();
    return "consensus of " + annotators.size() + " annotators (" + String.join(", ", annotators) + "): "
        + kept + " objects kept, " + (objects.size() - kept) + " dropped, " + expertList.size() + " for expert review\n";
  }
}
