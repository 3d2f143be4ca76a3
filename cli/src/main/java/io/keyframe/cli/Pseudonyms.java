package io.keyframe.cli;

import io.keyframe.dataset.privacy.PseudonymKey;
import io.keyframe.dataset.privacy.Pseudonymiser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The CLI's one pseudonymiser: key from KEYFRAME_PSEUDONYM_KEY or the user's key file. */
final class Pseudonyms {
  private static Pseudonymiser instance;

  private Pseudonyms() {}

  static synchronized Pseudonymiser get() {
    if (instance == null) {
      try {
        Path home = Path.of(System.getProperty("user.home"));
        instance = new Pseudonymiser(PseudonymKey.load(System.getenv(), null, home));
      } catch (IOException e) {
        // The reason (missing file, permissions) is what the user can act on.
        throw new UncheckedIOException("cannot load the pseudonym key: " + e.getMessage(), e);
      }
    }
    return instance;
  }

  static String video(String id) {
    return get().video(id);
  }
}
