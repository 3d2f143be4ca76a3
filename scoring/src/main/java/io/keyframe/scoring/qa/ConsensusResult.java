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
public record ConsensusResult(
    AnnotationSet merged,
    List<String> annotators,
    List<ConsensusObject> objects,
    List<ReviewItem> expertList) {
  public ConsensusResult {
    annotators = List.copyOf(annotators);
    objects = List.copyOf(objects);
    expertList = List.copyOf(expertList);
  }

  /**
   * The same result with the video and every annotator pseudonymised (for {@code --redact}); the
   * merged set's provenance names the pseudonyms.
   */
  public ConsensusResult redact(io.keyframe.dataset.privacy.Redactor r) {
    List<String> names = annotators.stream().map(r::annotator).toList();
    var p = merged.provenance();
    var merged2 = r.redact(merged);
    merged2 =
        new AnnotationSet(
            merged2.video(),
            new io.keyframe.dataset.Provenance(
                p.kind(),
                "consensus(" + String.join("+", names) + ")",
                p.modelSha256(),
                p.time(),
                p.tool()),
            merged2.labels(),
            merged2.detections());
    List<ConsensusObject> objs =
        objects.stream()
            .map(
                o ->
                    new ConsensusObject(
                        o.frame(),
                        o.trackId(),
                        o.label(),
                        o.seenBy().stream().map(r::annotator).toList(),
                        o.agreeingOnClass().stream().map(r::annotator).toList(),
                        o.kept(),
                        o.rule()))
            .toList();
    return new ConsensusResult(
        merged2, names, objs, expertList.stream().map(e -> e.redact(r)).toList());
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
    return "consensus of "
        + annotators.size()
        + " annotators ("
        + String.join(", ", annotators)
        + "): "
        + kept
        + " objects kept, "
        + (objects.size() - kept)
        + " dropped, "
        + expertList.size()
        + " for expert review\n";
  }
}
