package io.keyframe.dataset.contract.parquet;

import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.contract.Column;
import io.keyframe.dataset.contract.ColumnType;
import io.keyframe.dataset.contract.OutputTables;
import io.keyframe.dataset.contract.TableDef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads one run partition of a contract table ({@code tables/<table>/run_id=<run>/}, and its {@code
 * video_id=<video>/} folders for per-video tables) row by row, as plain Java values in the
 * contract's column order: {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code
 * Boolean}; a list as a {@code List}, a map as a {@code Map}, a struct as a {@code Map} of its
 * field names; a missing cell as {@code null}.
 *
 * <p>Numeric columns are widened or narrowed to the contract's type, so a job that wrote a count as
 * INT64 still reads; a missing column, a nested column whose layout differs from the contract's
 * Parquet schema, or an unreadable part file is a {@link BadAnnotationException} naming the file.
 * Read with parquet-hadoop directly: no Spark session for a few megabytes.
 */
public final class RunPartitionReader {
  /**
   * Built once: building read options creates a Hadoop configuration, which parses its XML defaults
   * and costs tens of milliseconds per part file otherwise.
   */
  private static final ParquetReadOptions OPTIONS = ParquetReadOptions.builder().build();

  private RunPartitionReader() {}

  /**
   * One row of a part file.
   *
   * @param file the part file, for errors
   * @param index the row's position in the file, from 0
   * @param runId the {@code run_id} partition value
   * @param videoId the {@code video_id} partition value, or {@code null} for a run table
   * @param values the cells in the table's column order (the reader's array: read, do not keep)
   */
  public record Row(Path file, long index, String runId, String videoId, Object[] values) {
    public Row {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(values, "values");
    }
  }

  /**
   * Reads every part file under {@code runDir} that {@code owned} accepts (a run manifest's list,
   * or everything), in folder and file name order.
   *
   * @param runDir the {@code run_id=...} folder
   */
  public static void read(TableDef spec, Path runDir, Predicate<Path> owned, Consumer<Row> sink) {
    String runId = partitionValue(runDir, OutputTables.RUN_ID);
    List<Path> dirs =
        spec.perVideo() ? subPartitions(runDir, OutputTables.VIDEO_ID) : List.of(runDir);
    for (Path dir : dirs) {
      String videoId = spec.perVideo() ? partitionValue(dir, OutputTables.VIDEO_ID) : null;
      for (Path file : partFiles(dir))
        if (owned.test(file)) readFile(spec, file, runId, videoId, sink);
    }
  }

  /** The {@code <name>=<value>} sub-folders of {@code dir}, sorted by name; none when absent. */
  public static List<Path> subPartitions(Path dir, String name) {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().startsWith(name + "="))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decoded value of a {@code name=value} folder; Spark escapes special characters as %XX. */
  public static String partitionValue(Path dir, String name) {
    String folder = dir.getFileName().toString();
    if (!folder.startsWith(name + "="))
      throw new IllegalArgumentException("not a " + name + " partition folder: " + folder);
    String raw = folder.substring(name.length() + 1);
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /** The Parquet part files in {@code dir}, sorted; hidden and {@code _}-prefixed files skipped. */
  public static List<Path> partFiles(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(Files::isRegularFile)
          .filter(
              p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".parquet") && !n.startsWith(".") && !n.startsWith("_");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readFile(
      TableDef spec, Path file, String runId, String videoId, Consumer<Row> sink) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), OPTIONS)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      int[] fieldIndex = fieldIndex(spec, file, schema);
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      Object[] values = new Object[fieldIndex.length];
      long rowNo = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++, rowNo++) {
          Group g = records.read();
          for (int i = 0; i < fieldIndex.length; i++)
            values[i] = cell(g, fieldIndex[i], spec.columns().get(i), file, rowNo);
          sink.accept(new Row(file, rowNo, runId, videoId, values));
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadAnnotationException bad) throw bad;
      // A corrupt or truncated part: name the file, not a stack trace from deep inside Parquet.
      throw new BadAnnotationException(
          file, 0, -1, spec.name(), "unreadable Parquet part file: " + e.getMessage());
    }
  }

  /**
   * Where each contract column sits in the file; its nested layout checked against the contract.
   */
  private static int[] fieldIndex(TableDef spec, Path file, MessageType schema) {
    MessageType contract = MessageTypeParser.parseMessageType(spec.parquetSchema());
    int[] index = new int[spec.columns().size()];
    for (int i = 0; i < index.length; i++) {
      String name = spec.columns().get(i).name();
      if (!schema.containsField(name))
        throw new BadAnnotationException(file, 0, -1, name, "column missing from " + spec.name());
      index[i] = schema.getFieldIndex(name);
      Type want = contract.getType(name);
      Type have = schema.getType(name);
      if (!want.isPrimitive()
          && (have.isPrimitive()
              || !want.asGroupType().getFields().equals(have.asGroupType().getFields())
              || !Objects.equals(want.getLogicalTypeAnnotation(), have.getLogicalTypeAnnotation())))
        throw new BadAnnotationException(
            file,
            0,
            -1,
            name,
            "nested layout differs from the contract: expected " + want + ", found " + have);
    }
    return index;
  }

  private static Object cell(Group g, int field, Column spec, Path file, long row) {
    if (g.getFieldRepetitionCount(field) == 0) return null;
    if (!(spec.type() instanceof ColumnType.Scalar scalar))
      return nested(g.getGroup(field, 0), spec.type());
    PrimitiveType.PrimitiveTypeName physical =
        g.getType().getType(field).asPrimitiveType().getPrimitiveTypeName();
    return switch (scalar) {
      case STRING -> g.getString(field, 0);
      case BOOLEAN -> {
        if (physical != PrimitiveType.PrimitiveTypeName.BOOLEAN)
          throw new BadAnnotationException(
              file, row, -1, spec.name(), "expected BOOLEAN, found " + physical);
        yield g.getBoolean(field, 0);
      }
      case INT -> (int) number(g, field, physical, file, row, spec);
      case LONG -> (long) number(g, field, physical, file, row, spec);
      case DOUBLE -> number(g, field, physical, file, row, spec);
    };
  }

  private static double number(
      Group g,
      int field,
      PrimitiveType.PrimitiveTypeName physical,
      Path file,
      long row,
      Column spec) {
    return switch (physical) {
      case INT32 -> g.getInteger(field, 0);
      case INT64 -> g.getLong(field, 0);
      case DOUBLE -> g.getDouble(field, 0);
      case FLOAT -> g.getFloat(field, 0);
      default ->
          throw new BadAnnotationException(
              file, row, -1, spec.name(), "expected a number, found " + physical);
    };
  }

  /** A nested value, laid out as {@link TableDef#parquetSchema()} writes it. */
  private static Object nested(Group g, ColumnType type) {
    if (type instanceof ColumnType.ListOf l) {
      List<Object> out = new ArrayList<>();
      int n = g.getFieldRepetitionCount("list");
      for (int i = 0; i < n; i++) out.add(element(g.getGroup("list", i), "element", l.element()));
      return out;
    }
    if (type instanceof ColumnType.MapOf m) {
      Map<Object, Object> out = new LinkedHashMap<>();
      int n = g.getFieldRepetitionCount("key_value");
      for (int i = 0; i < n; i++) {
        Group kv = g.getGroup("key_value", i);
        out.put(element(kv, "key", m.key()), element(kv, "value", m.value()));
      }
      return out;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Column f : ((ColumnType.StructOf) type).fields())
      out.put(f.name(), element(g, f.name(), f.type()));
    return out;
  }

  private static Object element(Group parent, String field, ColumnType type) {
    if (parent.getFieldRepetitionCount(field) == 0) return null;
    if (!(type instanceof ColumnType.Scalar s)) return nested(parent.getGroup(field, 0), type);
    return switch (s) {
      case STRING -> parent.getString(field, 0);
      case INT -> parent.getInteger(field, 0);
      case LONG -> parent.getLong(field, 0);
      case DOUBLE -> parent.getDouble(field, 0);
      case BOOLEAN -> parent.getBoolean(field, 0);
    };
  }
}
