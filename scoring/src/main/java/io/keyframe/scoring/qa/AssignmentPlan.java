package io.keyframe.scoring.qa;

import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.BadAnnotationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who labels what. One CSV row per (item, annotator): {@code item,video,first_frame,last_frame,
 * annotator,double_blind}. An annotator's {@link #worklist} shows their items only, never who else
 * labels them, which is what keeps the overlap blind.
 */
public record AssignmentPlan(List<String> annotators, List<Assignment> assignments) {
  static final String HEADER = "item,video,first_frame,last_frame,annotator,double_blind";

  public AssignmentPlan {
    annotators = List.copyOf(annotators);
    assignments = List.copyOf(assignments);
    Set<String> roster = Set.copyOf(annotators);
    for (Assignment a : assignments)
      for (String who : a.annotators())
        if (!roster.contains(who))
          throw new IllegalArgumentException(
              "plan gives " + a.item().id() + " to unknown annotator " + who);
  }

  /** Items of one annotator, in plan order. */
  public List<WorkItem> worklist(String annotator) {
    requireKnown(annotator);
    return assignments.stream()
        .filter(a -> a.annotators().contains(annotator))
        .map(Assignment::item)
        .toList();
  }

  /** Summed item weight per annotator (frames for spans, items for whole videos). */
  public Map<String, Integer> load() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (String a : annotators) out.put(a, 0);
    for (Assignment a : assignments)
      for (String who : a.annotators()) out.merge(who, a.item().weight(), Integer::sum);
    return out;
  }

  /** How often each unordered pair ("A+B", names sorted) shares an overlap item. */
  public Map<String, Integer> pairCounts() {
    Map<String, Integer> out = new TreeMap<>();
    for (Assignment a : assignments)
      if (a.overlap())
        out.merge(pairKey(a.annotators().get(0), a.annotators().get(1)), 1, Integer::sum);
    return out;
  }

  /** The double-labelled items. */
  public List<Assignment> overlapItems() {
    return assignments.stream().filter(Assignment::overlap).toList();
  }

  /**
   * Checks that {@code annotator} was given an item of {@code video}; throws a message naming the
   * plan's roster or the item's annotators otherwise.
   */
  public void requireAssigned(String annotator, String video) {
    requireKnown(annotator);
    List<Assignment> ofVideo =
        assignments.stream().filter(a -> a.item().video().equals(video)).toList();
    if (ofVideo.isEmpty())
      throw new IllegalArgumentException("video " + video + " is not in the plan");
    if (ofVideo.stream().noneMatch(a -> a.annotators().contains(annotator)))
      throw new IllegalArgumentException(
          "annotator "
              + annotator
              + " was not assigned video "
              + video
              + " (assigned to "
              + ofVideo.stream().flatMap(a -> a.annotators().stream()).distinct().sorted().toList()
              + ")");
  }

  private void requireKnown(String annotator) {
    if (!annotators.contains(annotator))
      throw new IllegalArgumentException(
          "unknown annotator '" + annotator + "': the plan has " + annotators);
  }

  static String pairKey(String a, String b) {
    return a.compareTo(b) < 0 ? a + "+" + b : b + "+" + a;
  }

  /** Writes the plan as CSV, all or nothing. */
  public void writeCsv(Path target) throws IOException {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    for (Assignment a : assignments)
      for (String who : a.annotators()) {
        WorkItem i = a.item();
        b.append(csv(i.id()))
            .append(',')
            .append(csv(i.video()))
            .append(',')
            // A whole video has no frame span: empty cells, not -1 (which reads as a frame number).
            .append(i.wholeVideo() ? "" : Integer.toString(i.firstFrame()))
            .append(',')
            .append(i.wholeVideo() ? "" : Integer.toString(i.lastFrame()))
            .append(',')
            .append(csv(who))
            .append(',')
            .append(a.overlap())
            .append('\n');
      }
    byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
    AtomicOutput.write(target, out -> out.write(bytes));
  }

  /**
   * Reads a plan CSV. {@code roster}, when not null, is the set of annotators allowed: a row naming
   * anyone else is an error at that line.
   *
   * @throws BadAnnotationException naming file, line and field of the first bad row
   */
  public static AssignmentPlan readCsv(Path file, Collection<String> roster) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(0).strip().equals(HEADER))
      throw new BadAnnotationException(file, 1, -1, "header", "expected '" + HEADER + "'");
    Map<String, WorkItem> items = new LinkedHashMap<>();
    Map<String, List<String>> who = new LinkedHashMap<>();
    List<String> seenAnnotators = new ArrayList<>();
    for (int n = 1; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank()) continue;
      long lineNo = n + 1;
      String[] f = splitCsv(line);
      if (f.length != 6)
        throw new BadAnnotationException(
            file, lineNo, -1, null, "expected 6 columns, found " + f.length);
      WorkItem item;
      try {
        // Empty first/last frame = the whole video (older plans wrote -1).
        item =
            new WorkItem(
                f[1],
                f[2].isEmpty() ? -1 : Integer.parseInt(f[2]),
                f[3].isEmpty() ? -1 : Integer.parseInt(f[3]));
      } catch (IllegalArgumentException e) {
        throw new BadAnnotationException(
            file, lineNo, -1, "first_frame/last_frame", e.getMessage());
      }
      if (!item.id().equals(f[0]))
        throw new BadAnnotationException(
            file,
            lineNo,
            -1,
            "item",
            "item '" + f[0] + "' does not match video and frames (" + item.id() + ")");
      String annotator = f[4];
      if (annotator.isBlank())
        throw new BadAnnotationException(file, lineNo, -1, "annotator", "blank annotator");
      if (roster != null && !roster.contains(annotator))
        throw new BadAnnotationException(
            file,
            lineNo,
            -1,
            "annotator",
            "unknown annotator '" + annotator + "' (known: " + String.join(",", roster) + ")");
      items.putIfAbsent(item.id(), item);
      List<String> list = who.computeIfAbsent(item.id(), k -> new ArrayList<>());
      if (list.contains(annotator))
        throw new BadAnnotationException(
            file, lineNo, -1, "annotator", annotator + " is listed twice for " + item.id());
      list.add(annotator);
      if (list.size() > 2)
        throw new BadAnnotationException(
            file, lineNo, -1, "annotator", item.id() + " has more than two annotators");
      boolean blind = Boolean.parseBoolean(f[5]);
      if (!f[5].equals("true") && !f[5].equals("false"))
        throw new BadAnnotationException(
            file, lineNo, -1, "double_blind", "expected true or false, found '" + f[5] + "'");
      if (!blind && list.size() > 1)
        throw new BadAnnotationException(
            file,
            lineNo,
            -1,
            "double_blind",
            item.id() + " has two annotators but is not marked double_blind");
      if (!seenAnnotators.contains(annotator)) seenAnnotators.add(annotator);
    }
    List<Assignment> out = new ArrayList<>();
    items.forEach((id, item) -> out.add(new Assignment(item, who.get(id))));
    List<String> annotators = roster == null ? seenAnnotators : List.copyOf(roster);
    return new AssignmentPlan(annotators, out);
  }

  private static String csv(String s) {
    Objects.requireNonNull(s);
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }

  private static String[] splitCsv(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') quoted = false;
        else cur.append(c);
      } else if (c == '"') quoted = true;
      else if (c == ',') {
        out.add(cur.toString());
        cur.setLength(0);
      } else cur.append(c);
    }
    out.add(cur.toString());
    return out.toArray(String[]::new);
  }
}
