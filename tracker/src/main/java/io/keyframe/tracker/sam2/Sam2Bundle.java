package io.keyframe.tracker.sam2;

import io.keyframe.dataset.FileHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * An opened bundle folder: its manifest, every graph's checked ONNX Runtime session and one hash
 * for the whole bundle (the model hash in output provenance).
 *
 * @param sha256 SHA-256 over the manifest's and each graph's SHA-256, in layout order
 */
record Sam2Bundle(Sam2Manifest manifest, Sam2Graphs graphs, String sha256) {
  /** Reads the manifest, opens and checks every graph it names and hashes the files. */
  static Sam2Bundle open(Path dir, Sam2SessionSettings settings, boolean reuseTensors)
      throws IOException {
    Sam2Manifest manifest = Sam2Manifest.read(dir);
    StringBuilder hashes = new StringBuilder(FileHash.sha256(dir.resolve("manifest.json")));
    Sam2Graphs graphs = new Sam2Graphs(manifest, settings, reuseTensors);
    for (String g : manifest.layout().graphNames())
      hashes.append(FileHash.sha256(dir.resolve(manifest.graphs().get(g).file())));
    return new Sam2Bundle(
        manifest, graphs, FileHash.sha256(hashes.toString().getBytes(StandardCharsets.US_ASCII)));
  }
}
