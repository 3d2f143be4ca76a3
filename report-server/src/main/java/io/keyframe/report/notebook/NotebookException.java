package io.keyframe.report.notebook;

/** A notebook cell failed: names the notebook and the line its cell starts on. */
public final class NotebookException extends RuntimeException {
  public NotebookException(String notebook, int line, String problem) {
    super("notebook " + notebook + ", cell at line " + line + ": " + problem);
  }
}
