package io.keyframe.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one CSV line as RFC 4180 quotes them: a field in double quotes may hold commas, and
 * {@code ""} inside it is one quote. Records spanning lines are not read (keyframe's CSV inputs,
 * ratings and time logs, are one record a line), so an opening quote without its closing one on the
 * same line is bad input naming the line and column, never a field silently glued to the next.
 */
public final class CsvFields {
  private CsvFields() {}

  /**
   * Splits {@code line} (line number {@code lineNo} of {@code file}, for the error) into fields.
   *
   * @throws BadAnnotationException for an unterminated quote or text after a closing quote
   */
  public static List<String> split(String line, Path file, long lineNo) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      if (i < n && line.charAt(i) == '"') {
        int open = i++;
        while (true) {
          if (i >= n)
            throw new BadAnnotationException(
                file,
                lineNo,
                -1,
                "column " + (out.size() + 1),
                "unterminated quote (opened at character "
                    + (open + 1)
                    + "); a quoted field must close on its line");
          char c = line.charAt(i++);
          if (c != '"') field.append(c);
          else if (i < n && line.charAt(i) == '"') {
            field.append('"');
            i++;
          } else break;
        }
        if (i < n && line.charAt(i) != ',')
          throw new BadAnnotationException(
              file,
              lineNo,
              -1,
              "column " + (out.size() + 1),
              "text after a closing quote at character " + (i + 1));
      } else {
        while (i < n && line.charAt(i) != ',') field.append(line.charAt(i++));
      }
      out.add(field.toString());
      field.setLength(0);
      if (i >= n) return out;
      i++; // the comma
    }
  }
}
