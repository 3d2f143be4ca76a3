package io.keyframe.synth;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Files that {@link GeneratedBatchWriter} writes for each generated video, beyond the manifest it
 * always writes. Each implementation writes its files atomically into the video's folder and
 * returns their names (relative to that folder) so the manifest can list and hash them.
 */
@FunctionalInterface
public interface VideoArtifact {
  /** Writes this artifact's files for {@code video} into {@code dir}; returns the names written. */
  List<String> write(GeneratedVideo video, Path dir) throws IOException;
}
