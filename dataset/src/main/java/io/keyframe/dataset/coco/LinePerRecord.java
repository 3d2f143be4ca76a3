package io.keyframe.dataset.coco;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.util.MinimalPrettyPrinter;
import java.io.IOException;

/**
 * Compact JSON with one top-level key per line and one element of each top-level array per line, so
 * that a parser's line number points at one image or annotation and diffs stay readable. Jackson's
 * compact printer does the rest; only the separators at the top two levels differ from it.
 */
final class LinePerRecord extends MinimalPrettyPrinter {
  LinePerRecord() {
    super("\n");
  }

  private static int depth(JsonStreamContext c) {
    int d = 0;
    for (JsonStreamContext x = c; x.getParent() != null; x = x.getParent()) d++;
    return d;
  }

  private static boolean rootObject(JsonGenerator g) {
    return depth(g.getOutputContext()) == 1;
  }

  private static boolean topArray(JsonGenerator g) {
    return depth(g.getOutputContext()) == 2 && g.getOutputContext().inArray();
  }

  @Override
  public void writeEndObject(JsonGenerator g, int n) throws IOException {
    // The file's final newline comes from JsonObjectFile.
    g.writeRaw(rootObject(g) ? "\n}" : "}");
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator g) throws IOException {
    g.writeRaw(rootObject(g) ? ",\n" : ",");
  }

  @Override
  public void writeEndArray(JsonGenerator g, int n) throws IOException {
    g.writeRaw(topArray(g) && n > 0 ? "\n]" : "]");
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator g) throws IOException {
    g.writeRaw(topArray(g) ? ",\n" : ",");
  }

  @Override
  public void beforeArrayValues(JsonGenerator g) throws IOException {
    if (topArray(g)) g.writeRaw('\n');
  }

  @Override
  public void beforeObjectEntries(JsonGenerator g) throws IOException {
    if (rootObject(g)) g.writeRaw('\n');
  }
}
