package io.keyframe.dataset.mot;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Provenance;
import io.keyframe.dataset.SourceFields;
import io.keyframe.dataset.Video;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a MOTChallenge text file line by line. Columns 8-10 are read as the file's {@link
 * MotLayout}: MOT15-2D (world coordinates, not kept: label {@value MotOptions#DEFAULT_LABEL},
 * visibility unknown) or MOT16+ (class and visibility), taken from {@link MotOptions#layout} or
 * detected ({@link #layout}). A line whose columns 8-10 are all -1 is a results line in either.
 * Class ids are 1-based into the class list: {@link MotOptions#classes}, else {@code labels.txt}
 * beside the file (CVAT and Datumaro MOT exports), else the number as text. Any bad line throws
 * {@link BadAnnotationException} naming the line and column.
 */
public final class MotReader {
  private static final String[] COLUMN = {
    "frame", "id", "x", "y", "w", "h", "conf", "class", "visibility", "z"
  };

  private MotReader() {}

  /** Reads with no class list; the video comes from seqinfo.ini or is derived from the boxes. */
  public static AnnotationSet read(Path file) throws IOException {
    return read(file, MotOptions.defaults());
  }

  /**
   * Reads the file with the given class list, video and layout.
   *
   * @throws BadAnnotationException for the first bad line, naming line, frame and column
   */
  public static AnnotationSet read(Path file, MotOptions options) throws IOException {
    return read(file, options, false);
  }

  /**
   * Reads the file as a file that is not ASCII is read, strictly decoded line by line: the route
   * whose answers and errors the in-memory route keeps (tests compare the two).
   */
  static AnnotationSet readDecoded(Path file, MotOptions options) throws IOException {
    return read(file, options, true);
  }

  private static AnnotationSet read(Path file, MotOptions options, boolean decoded)
      throws IOException {
    SeqInfo info = options.video() != null ? null : SeqInfo.near(file).orElse(null);
    Video known = options.video();
    Integer knownLength =
        known != null ? Integer.valueOf(known.frameCount()) : info == null ? null : info.length();
    MotLines.Reading<AnnotationSet> reading =
        lines -> read(file, options, info, knownLength, lines);
    return decoded ? MotLines.decoded(file, reading) : MotLines.read(file, reading);
  }

  private static AnnotationSet read(
      Path file, MotOptions options, SeqInfo info, Integer knownLength, MotLines lines)
      throws IOException {
    Video known = options.video();
    // Undecided (null) while every line read fits both layouts: such lines read the same in
    // either, so the layout is found at the first line that tells them apart, from it and the
    // lines after it, in the same pass (a file of results lines is read once, not twice).
    MotLayout layout = options.layout();
    if (layout == null && !lines.inMemory()) {
      layout = layout(lines);
      lines.restart();
    }
    List<String> classes = options.classes().isEmpty() ? labelsNear(file) : options.classes();
    Rows rows = new Rows(file, lines, layout, classes, knownLength);
    MotLine c = new MotLine();
    while (lines.next(c)) rows.add(c);
    List<String> labels = new ArrayList<>();
    if (rows.usesDefault) labels.add(MotOptions.DEFAULT_LABEL);
    if (classes.isEmpty()) labels.addAll(rows.numericLabels);
    else labels.addAll(classes);
    if (options.layout() == null)
      DetectedLayouts.put(file, rows.layout == null ? MotLayout.MOT15 : rows.layout);
    Video video = known != null ? known : video(file, info, rows.maxX, rows.maxY, rows.maxFrame);
    return new AnnotationSet(video, Provenance.unknown(), labels, rows.detections);
  }

  /**
   * The detections of one read and what its lines said so far. One call per line (rather than the
   * loop's body inline in {@link #read}) so that the JIT compiles it after a few hundred lines
   * instead of replacing a long-running interpreted loop tens of thousands of lines in.
   */
  private static final class Rows {
    private final Path file;
    private final MotLines lines;
    private final List<String> classes;
    private final Integer knownLength;
    private final int frameLimit; // knownLength, or no limit
    private final String[] classNames = new String[64]; // Integer.toString(cls) of small ids
    private final FrameIdSet seen = new FrameIdSet();
    final List<Detection> detections = new ArrayList<>();
    final Set<String> numericLabels =
        new TreeSet<>((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
    private String lastNumericLabel;
    MotLayout layout;
    boolean usesDefault;
    double maxX = 1, maxY = 1;
    int maxFrame = -1;

    Rows(Path file, MotLines lines, MotLayout layout, List<String> classes, Integer knownLength) {
      this.file = file;
      this.lines = lines;
      this.layout = layout;
      this.classes = classes;
      this.knownLength = knownLength;
      this.frameLimit = knownLength == null ? Integer.MAX_VALUE : knownLength;
    }

    /** Reads one line (blank lines are skipped). */
    void add(MotLine c) throws IOException {
      long lineNo = c.number();
      if (c.isBlank()) return;
      int columns = c.columns();
      if (columns < 7)
        throw new BadAnnotationException(
            file,
            lineNo,
            -1,
            COLUMN[Math.min(columns, 6)],
            "expected at least 7 comma-separated columns (frame,id,x,y,w,h,conf), got " + columns);
      int frame1 = integer(file, lineNo, -1, c, 0);
      if (frame1 < 1)
        throw new BadAnnotationException(
            file, lineNo, -1, "frame", "MOTChallenge frames start at 1, got " + frame1);
      int frame = frame1 - 1;
      int id = integer(file, lineNo, frame, c, 1);
      if (id < Detection.UNTRACKED)
        throw new BadAnnotationException(
            file, lineNo, frame, "id", "negative object id " + id + " (only -1 = untracked)");
      double x = real(file, lineNo, frame, c, 2);
      double y = real(file, lineNo, frame, c, 3);
      double w = real(file, lineNo, frame, c, 4);
      double h = real(file, lineNo, frame, c, 5);
      double conf = real(file, lineNo, frame, c, 6);
      if (!(w > 0))
        throw new BadAnnotationException(
            file, lineNo, frame, "w", "box width must be > 0, got " + c.text(4));
      if (!(h > 0))
        throw new BadAnnotationException(
            file, lineNo, frame, "h", "box height must be > 0, got " + c.text(5));
      boolean results = columns >= 10 && isMinusOne(c, 7) && isMinusOne(c, 8) && isMinusOne(c, 9);
      // A results line fits both layouts (evidence(c) is null for it).
      if (layout == null && !results) {
        MotLayout e = evidence(c);
        if (e != null) layout = e == MotLayout.MOT15 ? e : layout(lines.rest(), true);
      }
      String label = MotOptions.DEFAULT_LABEL;
      double visibility = -1;
      if (layout == MotLayout.MOT16 && !results && columns >= 8) {
        int cls = integer(file, lineNo, frame, c, 7);
        label = labelOf(file, lineNo, frame, cls, classes, classNames);
        if (columns >= 9) {
          visibility = real(file, lineNo, frame, c, 8);
          if (!(visibility == -1 || (visibility >= 0 && visibility <= 1)))
            throw new BadAnnotationException(
                file, lineNo, frame, "visibility", "must be in [0,1] or -1, got " + c.text(8));
        }
      }
      // Identity first: the reference is shared line after line, equals() is the rare case.
      if (label == MotOptions.DEFAULT_LABEL || label.equals(MotOptions.DEFAULT_LABEL))
        usesDefault = true;
      else if (classes.isEmpty() && label != lastNumericLabel && !label.equals(lastNumericLabel)) {
        numericLabels.add(label);
        lastNumericLabel = label;
      }
      if (frame >= frameLimit)
        throw new BadAnnotationException(
            file,
            lineNo,
            frame,
            "frame",
            "MOT frame "
                + frame1
                + " (index "
                + frame
                + ") is beyond the video's "
                + knownLength
                + " frames");
      if (id != Detection.UNTRACKED && !seen.add(frame, id))
        throw new BadAnnotationException(
            file, lineNo, frame, "id", "object id " + id + " appears twice in MOT frame " + frame1);
      detections.add(
          new Detection(
              frame,
              id,
              label,
              new Box(x, y, w, h),
              null,
              conf,
              Map.of(),
              visibility,
              false,
              false,
              false,
              SourceFields.NONE));
      // maxX, maxY start at 1 and the sums are never NaN: plain comparisons are Math.max here.
      if (x + w > maxX) maxX = x + w;
      if (y + h > maxY) maxY = y + h;
      if (frame > maxFrame) maxFrame = frame;
    }
  }

  /**
   * The layout of a file's columns 8-10. A line with 8 or 9 columns, or 10 whose class (column 8)
   * is an integer other than -1 and whose column 10 is -1, is MOT16+; a line with 10 or more
   * columns whose column 8 is not an integer or whose column 10 (world z) is not -1 is MOT15-2D
   * (world coordinates), and wins: reading it as a class would refuse {@code -4.1554} and turn an
   * integral world x into a class. Lines with -1 in all of 8-10, or only 7 columns, fit both; a
   * file of only those is MOT15 (the MOTChallenge results shape).
   */
  public static MotLayout layout(Path file) throws IOException {
    MotLayout known = DetectedLayouts.get(file);
    if (known != null) return known;
    return MotLines.read(file, MotReader::layout);
  }

  static MotLayout layout(MotLines lines) throws IOException {
    return layout(lines, false);
  }

  /** The layout of the lines left, {@code mot16} when lines before them asked for MOT16. */
  private static MotLayout layout(MotLines lines, boolean mot16) throws IOException {
    MotLine c = new MotLine();
    while (lines.next(c)) {
      MotLayout e = evidence(c);
      if (e == MotLayout.MOT15) return MotLayout.MOT15;
      if (e == MotLayout.MOT16) mot16 = true;
    }
    return mot16 ? MotLayout.MOT16 : MotLayout.MOT15;
  }

  /** The layout one line asks for ({@link #layout(Path)}'s rules), or null when it fits both. */
  private static MotLayout evidence(MotLine c) {
    if (c.columns() < 8 || c.isBlank()) return null;
    if (c.columns() < 10) return MotLayout.MOT16;
    if (isMinusOne(c, 7) && isMinusOne(c, 8) && isMinusOne(c, 9)) return null;
    if (!isInteger(c, 7) || !isMinusOne(c, 9)) return MotLayout.MOT15;
    return MotLayout.MOT16;
  }

  /**
   * The layouts the last few reads detected, by file, so that asking a file's layout after reading
   * it ({@code mot-metrics} prints it) does not scan it again. An entry holds while the file keeps
   * its size and modification time; a handful are kept.
   */
  private static final class DetectedLayouts {
    private record Key(Path file, long size, long modified) {
      // Written out: a record's generated equals and hashCode are bootstrapped on first use, a
      // cost (milliseconds in a fresh JVM) each file read would otherwise pay in a short process.
      @Override
      public boolean equals(Object o) {
        return o instanceof Key k
            && file.equals(k.file)
            && size == k.size
            && modified == k.modified;
      }

      @Override
      public int hashCode() {
        return (file.hashCode() * 31 + Long.hashCode(size)) * 31 + Long.hashCode(modified);
      }
    }

    private static final Map<Key, MotLayout> LAST =
        new java.util.LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, MotLayout> eldest) {
            return size() > 8;
          }
        };

    static synchronized void put(Path file, MotLayout layout) {
      Key k = key(file);
      if (k != null) LAST.put(k, layout);
    }

    static synchronized MotLayout get(Path file) {
      Key k = key(file);
      return k == null ? null : LAST.get(k);
    }

    private static Key key(Path file) {
      try {
        var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
        return new Key(
            file.toAbsolutePath().normalize(), a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return null;
      }
    }
  }

  /**
   * The class list in {@code labels.txt} beside the file, one name per line (CVAT's and Datumaro's
   * MOT exports write {@code gt/labels.txt} next to {@code gt/gt.txt}); empty when there is none.
   */
  static List<String> labelsNear(Path file) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    if (dir == null) return List.of();
    Path labels = dir.resolve("labels.txt");
    if (!Files.isRegularFile(labels) || labels.equals(file.toAbsolutePath())) return List.of();
    return readLabels(labels);
  }

  /**
   * A class list file: one class name per line, class id {@code k} is line {@code k}; blank lines
   * at the end are ignored.
   *
   * @throws BadAnnotationException for a blank name inside the list, a duplicate, or {@value
   *     MotOptions#DEFAULT_LABEL} (reserved for class -1)
   */
  public static List<String> readLabels(Path labels) throws IOException {
    List<String> lines = new ArrayList<>(io.keyframe.dataset.Utf8Input.readAllLines(labels));
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank())
      lines.remove(lines.size() - 1);
    Set<String> seen = new HashSet<>();
    List<String> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String name = lines.get(i).strip();
      if (i == 0 && name.startsWith("\uFEFF")) name = name.substring(1);
      if (name.isEmpty())
        throw new BadAnnotationException(
            labels, i + 1, -1, "label", "blank class name (class id " + (i + 1) + ")");
      if (name.equals(MotOptions.DEFAULT_LABEL))
        throw new BadAnnotationException(
            labels, i + 1, -1, "label", "'" + name + "' is reserved for class -1");
      if (!seen.add(name))
        throw new BadAnnotationException(
            labels, i + 1, -1, "label", "class '" + name + "' listed twice");
      out.add(name);
    }
    return out;
  }

  /** Whatever seqinfo.ini gives, the rest derived as {@link #derivedVideo} does. */
  private static Video video(Path file, SeqInfo info, double maxX, double maxY, int maxFrame) {
    Video derived = derivedVideo(file, maxX, maxY, maxFrame);
    if (info == null) return derived;
    try {
      return new Video(
          info.name(),
          info.fps() != null ? info.fps() : derived.fps(),
          info.width() != null ? info.width() : derived.width(),
          info.height() != null ? info.height() : derived.height(),
          info.length() != null ? info.length() : derived.frameCount(),
          "");
    } catch (IllegalArgumentException e) {
      throw new BadAnnotationException(info.file(), -1, -1, "Sequence", e.getMessage(), e);
    }
  }

  /**
   * A MOT file says nothing about its video: name it after the file, size it to hold every box,
   * make it as long as the last annotated frame; the frame rate is {@link Video#UNKNOWN_FPS}.
   */
  private static Video derivedVideo(Path file, double maxX, double maxY, int maxFrame) {
    return new Video(
        Video.idFromFileName(file.getFileName().toString()),
        Video.UNKNOWN_FPS,
        (int) Math.ceil(maxX),
        (int) Math.ceil(maxY),
        maxFrame + 1,
        "");
  }

  private static String labelOf(
      Path file, long line, int frame, int cls, List<String> classes, String[] names) {
    if (cls == -1) return MotOptions.DEFAULT_LABEL;
    if (classes.isEmpty()) {
      if (cls < 0)
        throw new BadAnnotationException(
            file, line, frame, "class", "class id must be -1 or positive, got " + cls);
      if (cls >= names.length) return Integer.toString(cls);
      if (names[cls] == null) names[cls] = Integer.toString(cls);
      return names[cls];
    }
    if (cls < 1 || cls > classes.size())
      throw new BadAnnotationException(
          file,
          line,
          frame,
          "class",
          "unknown class id " + cls + "; the class list has ids 1.." + classes.size());
    return classes.get(cls - 1);
  }

  private static boolean isInteger(MotLine c, int col) {
    try {
      double d = c.real(col);
      return d == Math.rint(d) && Double.isFinite(d);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isMinusOne(MotLine c, int col) {
    double d = c.plain(col); // small enough for the JIT to inline: no call for a plain field
    return d == d ? d == -1 : parsesToMinusOne(c, col);
  }

  private static boolean parsesToMinusOne(MotLine c, int col) {
    try {
      return c.real(col) == -1;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static int integer(Path file, long line, int frame, MotLine c, int col) {
    return c.plainInteger(col) ? (int) c.plain(col) : parsedInteger(file, line, frame, c, col);
  }

  private static int parsedInteger(Path file, long line, int frame, MotLine c, int col) {
    try {
      return c.integer(col);
    } catch (NumberFormatException e) {
      // Some tools print integral columns as "3.0"; accept those, nothing else.
      double d = real(file, line, frame, c, col);
      if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE)
        throw new BadAnnotationException(
            file, line, frame, COLUMN[col], "expected an integer, got '" + c.text(col) + "'");
      return (int) d;
    }
  }

  private static double real(Path file, long line, int frame, MotLine c, int col) {
    double d = c.plain(col); // a plain decimal is finite
    return d == d ? d : parsedReal(file, line, frame, c, col);
  }

  private static double parsedReal(Path file, long line, int frame, MotLine c, int col) {
    double d;
    try {
      d = c.real(col);
    } catch (NumberFormatException e) {
      throw new BadAnnotationException(
          file, line, frame, COLUMN[col], "not a number: '" + c.text(col) + "'");
    }
    if (!Double.isFinite(d))
      throw new BadAnnotationException(
          file, line, frame, COLUMN[col], "not a finite number: '" + c.text(col) + "'");
    return d;
  }

  /**
   * The (frame, id) pairs of a file so far, to refuse an id twice in one frame. While frames come
   * in order (most files), only the current frame's ids are kept, in a small table that stays in
   * cache; at the first frame out of order every pair so far goes into one table for the file: open
   * addressing on long arrays (a HashSet of boxed Longs cost more than parsing the line).
   */
  private static final class FrameIdSet {
    private int frame = Integer.MIN_VALUE;
    private LongSet current = new LongSet(1 << 8); // this frame's pairs, while frames ascend
    private long[] log = new long[1 << 10]; // every pair so far, while frames ascend
    private int logged;
    private LongSet all; // every pair so far, once a frame came out of order

    /** False when the pair was there already. */
    boolean add(int frame, int id) {
      long key = ((long) frame << 32) | (id & 0xffffffffL);
      if (all != null) return all.add(key);
      if (frame < this.frame) {
        all = new LongSet(4 * logged + 16);
        for (int k = 0; k < logged; k++) all.add(log[k]);
        log = null;
        current = null;
        return all.add(key);
      }
      if (frame != this.frame) {
        this.frame = frame;
        current.clear();
      }
      if (!current.add(key)) return false;
      if (logged == log.length) log = java.util.Arrays.copyOf(log, 2 * logged);
      log[logged++] = key;
      return true;
    }
  }

  /** A set of non-negative longs: open addressing, ~key stored so that 0 is free. */
  private static final class LongSet {
    private long[] slots;
    private int size;

    LongSet(int capacity) {
      slots = new long[Integer.highestOneBit(Math.max(16, capacity) - 1) << 1];
    }

    /** False when the key was there already. */
    boolean add(long key) {
      if (2 * (size + 1) > slots.length) grow();
      return insert(slots, key);
    }

    /** Empties the set in time proportional to what it held (a big frame leaves no big table). */
    void clear() {
      if (slots.length > 8 * Math.max(size, 64))
        slots = new long[Integer.highestOneBit(Math.max(64, 4 * size))];
      else if (size > 0) java.util.Arrays.fill(slots, 0L);
      size = 0;
    }

    private boolean insert(long[] table, long key) {
      int mask = table.length - 1;
      for (int h = mix(key) & mask; ; h = (h + 1) & mask) {
        if (table[h] == 0) {
          table[h] = ~key;
          size++;
          return true;
        }
        if (table[h] == ~key) return false;
      }
    }

    private void grow() {
      long[] old = slots;
      slots = new long[2 * old.length];
      size = 0;
      for (long s : old) if (s != 0) insert(slots, ~s);
    }

    private static int mix(long k) {
      k *= 0x9E3779B97F4A7C15L;
      return (int) (k ^ (k >>> 32));
    }
  }
}
