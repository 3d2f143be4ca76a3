package io.keyframe.metrics.agreement;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.CsvFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Ratings of items by raters: {@code codes[item][rater]} is a category index into {@link
 * #categories} (sorted: numerically when every label is a number, else as text, like {@code
 * np.unique}) or -1 when that rater did not rate that item.
 *
 * @param items item names, in first-seen order
 * @param raters rater names, in first-seen order
 * @param categories distinct labels in sorted order
 * @param codes item x rater category index, -1 = missing
 */
public record RatingTable(
    List<String> items, List<String> raters, List<String> categories, int[][] codes) {
  public RatingTable {
    items = List.copyOf(items);
    raters = List.copyOf(raters);
    categories = List.copyOf(categories);
    if (codes.length != items.size()) throw new IllegalArgumentException("codes rows != items");
    int[][] copy = new int[codes.length][];
    for (int i = 0; i < codes.length; i++) {
      if (codes[i].length != raters.size())
        throw new IllegalArgumentException("codes row " + i + " != raters");
      for (int c : codes[i])
        if (c < -1 || c >= categories.size())
          throw new IllegalArgumentException("bad category index " + c);
      copy[i] = codes[i].clone();
    }
    codes = copy;
  }

  /** Item x rater category indices, -1 = missing (a deep copy; {@link #code} reads one). */
  @Override
  public int[][] codes() {
    int[][] copy = new int[codes.length][];
    for (int i = 0; i < codes.length; i++) copy[i] = codes[i].clone();
    return copy;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RatingTable t
        && items.equals(t.items)
        && raters.equals(t.raters)
        && categories.equals(t.categories)
        && Arrays.deepEquals(codes, t.codes);
  }

  @Override
  public int hashCode() {
    return (items.hashCode() * 31 + raters.hashCode()) * 31 + Arrays.deepHashCode(codes);
  }

  /** Category index of {@code item} by {@code rater}, -1 when missing. */
  public int code(int item, int rater) {
    return codes[item][rater];
  }

  /** True when every label parses as a number (ordinal/interval statistics need this). */
  public boolean numeric() {
    return categories.stream().allMatch(RatingTable::isNumber);
  }

  /** Numeric value of each category; throws when the labels are not numbers. */
  public double[] values() {
    double[] v = new double[categories.size()];
    for (int k = 0; k < v.length; k++) {
      if (!isNumber(categories.get(k)))
        throw new IllegalStateException("label '" + categories.get(k) + "' is not a number");
      v[k] = Double.parseDouble(categories.get(k));
    }
    return v;
  }

  /**
   * The same ratings on fewer items (bootstrap resamples), item order as given (repeats allowed).
   */
  public RatingTable selectItems(int[] itemIndices) {
    List<String> names = new ArrayList<>(itemIndices.length);
    int[][] c = new int[itemIndices.length][];
    for (int k = 0; k < itemIndices.length; k++) {
      names.add(items.get(itemIndices[k]));
      c[k] = codes[itemIndices[k]];
    }
    return new RatingTable(names, raters, categories, c);
  }

  static boolean isNumber(String s) {
    try {
      Double.parseDouble(s);
      return !s.isBlank();
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Builds a table from (item, rater, label) triples; a repeated (item, rater) is an error. */
  public static RatingTable fromTriples(List<String[]> triples, Path source) {
    Map<String, Integer> itemIdx = new LinkedHashMap<>(), raterIdx = new LinkedHashMap<>();
    TreeSet<String> labels = new TreeSet<>();
    for (String[] t : triples) {
      itemIdx.putIfAbsent(t[0], itemIdx.size());
      raterIdx.putIfAbsent(t[1], raterIdx.size());
      labels.add(t[2]);
    }
    List<String> cats = new ArrayList<>(labels);
    if (cats.stream().allMatch(RatingTable::isNumber))
      cats.sort(Comparator.comparingDouble(Double::parseDouble));
    Map<String, Integer> catIdx = new LinkedHashMap<>();
    for (String c : cats) catIdx.put(c, catIdx.size());
    int[][] codes = new int[itemIdx.size()][raterIdx.size()];
    for (int[] row : codes) Arrays.fill(row, -1);
    int line = 1;
    for (String[] t : triples) {
      line++;
      int i = itemIdx.get(t[0]), r = raterIdx.get(t[1]);
      if (codes[i][r] != -1)
        throw new BadAnnotationException(
            source, line, -1, "rater", "rater '" + t[1] + "' labels item '" + t[0] + "' twice");
      codes[i][r] = catIdx.get(t[2]);
    }
    return new RatingTable(
        new ArrayList<>(itemIdx.keySet()), new ArrayList<>(raterIdx.keySet()), cats, codes);
  }

  /**
   * Reads a CSV with a header naming columns {@code item}, {@code rater} and {@code label} (any
   * order, other columns ignored); empty labels count as missing.
   *
   * @throws BadAnnotationException naming the file and line of the first bad row
   */
  public static RatingTable readCsv(Path file) {
    List<String> lines;
    try {
      lines = io.keyframe.dataset.Utf8Input.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (lines.isEmpty()) throw new BadAnnotationException(file, 1, -1, "header", "empty file");
    List<String> header =
        CsvFields.split(lines.get(0), file, 1).stream().map(String::trim).toList();
    int ci = header.indexOf("item"), cr = header.indexOf("rater"), cl = header.indexOf("label");
    if (ci < 0
        && cr < 0
        && cl < 0
        && header.size() >= 2
        && header.stream().noneMatch(String::isEmpty)) return readWide(file, header, lines);
    if (ci < 0 || cr < 0 || cl < 0)
      throw new BadAnnotationException(
          file,
          1,
          -1,
          "header",
          "needs columns item,rater,label (long form) or one column per rater (wide form); got "
              + header);
    List<String[]> triples = new ArrayList<>();
    List<Integer> lineNo = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String l = lines.get(n);
      if (l.isBlank()) continue;
      String[] f = CsvFields.split(l, file, n + 1).toArray(String[]::new);
      if (f.length < header.size())
        throw new BadAnnotationException(
            file, n + 1, -1, "", "expected " + header.size() + " columns, got " + f.length);
      String label = f[cl].trim();
      if (label.isEmpty()) continue;
      triples.add(new String[] {f[ci].trim(), f[cr].trim(), label});
      lineNo.add(n + 1);
    }
    if (triples.isEmpty())
      throw new BadAnnotationException(file, 2, -1, "label", "no ratings in file");
    try {
      return fromTriples(triples, file);
    } catch (BadAnnotationException e) {
      // fromTriples counts data lines from 2; map to the real line (blank lines skipped).
      int idx = (int) e.line() - 2;
      long real = idx >= 0 && idx < lineNo.size() ? lineNo.get(idx) : e.line();
      throw new BadAnnotationException(
          file, real, -1, e.field(), e.getMessage().replaceFirst("^.*?: ", ""));
    }
  }

  /** Wide form: one column per rater (header = rater names), one row per item, empty = missing. */
  private static RatingTable readWide(Path file, List<String> raters, List<String> lines) {
    List<String[]> rows = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String l = lines.get(n);
      if (l.isBlank()) continue;
      String[] f = CsvFields.split(l, file, n + 1).toArray(String[]::new);
      if (f.length != raters.size())
        throw new BadAnnotationException(
            file,
            n + 1,
            -1,
            "",
            "expected " + raters.size() + " columns (one per rater), got " + f.length);
      rows.add(f);
    }
    if (rows.isEmpty())
      throw new BadAnnotationException(file, 2, -1, "label", "no ratings in file");
    return fromColumns(raters, rows);
  }

  /**
   * A table from a wide matrix, one column per rater, null or "" = missing; all-missing rows are
   * dropped.
   */
  public static RatingTable fromColumns(List<String> raterNames, List<String[]> rows) {
    List<String[]> triples = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++)
      for (int r = 0; r < raterNames.size(); r++) {
        String v = rows.get(i)[r];
        if (v != null && !v.isBlank())
          triples.add(new String[] {String.valueOf(i), raterNames.get(r), v.trim()});
      }
    // Items (and raters) without any value carry no information for any statistic here.
    return fromTriples(triples, null);
  }
}
