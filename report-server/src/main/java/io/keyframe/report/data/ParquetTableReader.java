package io.keyframe.report.data;

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
import java.util.List;
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
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Reads one run partition of a contract table into a Tablesaw {@link Table}, adding the Hive-style
 * partition values ({@code run_id}, and {@code video_id} for per-video tables) as string columns.
 *
 * <p>Numeric columns are widened or narrowed to the contract's type, so a job that wrote a count as
 * INT64 still reads; a missing column, or a nested column whose layout differs from the contract's
 * Parquet schema, is an error naming the file. Nested cells become JSON strings ({@link
 * NestedCells}).
 */
public final class ParquetTableReader {
  /**
   * Built once: building read options creates a Hadoop configuration, which parses its XML defaults
   * and costs tens of milliseconds per part file otherwise.
   */
  private static final ParquetReadOptions OPTIONS = ParquetReadOptions.builder().build();

  private ParquetTableReader() {}

  /** An empty table with the contract's columns plus the partition columns. */
  public static Table empty(TableDef spec) {
    Table t = Table.create(spec.name());
    for (Column c : spec.columns()) {
      t.addColumns(newColumn(c));
    }
    t.addColumns(StringColumn.create(OutputTables.RUN_ID));
    if (spec.perVideo()) {
      t.addColumns(StringColumn.create(OutputTables.VIDEO_ID));
    }
    return t;
  }

  /**
   * Reads {@code tables/<table>/run_id=<run>/} (all its video partitions) into one table.
   *
   * @param runDir the {@code run_id=...} folder
   */
  public static Table readRun(TableDef spec, Path runDir) {
    return readRun(spec, runDir, file -> true);
  }

  /**
   * As {@link #readRun(TableDef, Path)}, reading only the part files {@code owned} accepts (see
   * {@link RunManifest}).
   */
  public static Table readRun(
      TableDef spec, Path runDir, java.util.function.Predicate<Path> owned) {
    Table t = empty(spec);
    String runId = partitionValue(runDir, OutputTables.RUN_ID);
    List<Path> videoDirs =
        spec.perVideo() ? subPartitions(runDir, OutputTables.VIDEO_ID) : List.of(runDir);
    for (Path dir : videoDirs) {
      String videoId = spec.perVideo() ? partitionValue(dir, OutputTables.VIDEO_ID) : null;
      for (Path file : partFiles(dir)) {
        if (!owned.test(file)) {
          continue;
        }
        readFile(spec, file, t, runId, videoId);
      }
    }
    return t;
  }

  /** The {@code <name>=<value>} sub-folders of {@code dir}, sorted by name. */
  public static List<Path> subPartitions(Path dir, String name) {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
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
    if (!folder.startsWith(name + "=")) {
      throw new IllegalArgumentException("not a " + name + " partition folder: " + folder);
    }
    String raw = folder.substring(name.length() + 1);
    return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static List<Path> partFiles(Path dir) {
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

  private static void readFile(TableDef spec, Path file, Table t, String runId, String videoId) {
    try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), OPTIONS)) {
      MessageType schema = reader.getFooter().getFileMetaData().getSchema();
      MessageType contract = MessageTypeParser.parseMessageType(spec.parquetSchema());
      int[] fieldIndex = new int[spec.columns().size()];
      for (int i = 0; i < fieldIndex.length; i++) {
        String name = spec.columns().get(i).name();
        if (!schema.containsField(name)) {
          throw new BadAnnotationException(file, 0, -1, name, "column missing from " + spec.name());
        }
        fieldIndex[i] = schema.getFieldIndex(name);
        Type want = contract.getType(name);
        Type have = schema.getType(name);
        if (!want.isPrimitive()
            && (have.isPrimitive()
                || !want.asGroupType().getFields().equals(have.asGroupType().getFields())
                || !java.util.Objects.equals(
                    want.getLogicalTypeAnnotation(), have.getLogicalTypeAnnotation()))) {
          throw new BadAnnotationException(
              file,
              0,
              -1,
              name,
              "nested layout differs from the contract: expected " + want + ", found " + have);
        }
      }
      MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
      long rowNo = 0;
      PageReadStore pages;
      while ((pages = reader.readNextRowGroup()) != null) {
        RecordReader<Group> records = io.getRecordReader(pages, new GroupRecordConverter(schema));
        for (long r = 0; r < pages.getRowCount(); r++, rowNo++) {
          Group g = records.read();
          for (int i = 0; i < fieldIndex.length; i++) {
            append(t.column(i), spec.columns().get(i), g, fieldIndex[i], file, rowNo);
          }
          t.stringColumn(OutputTables.RUN_ID).append(runId);
          if (videoId != null) {
            t.stringColumn(OutputTables.VIDEO_ID).append(videoId);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadAnnotationException bad) {
        throw bad;
      }
      // A corrupt or truncated part: name the file, not a stack trace from deep inside Parquet.
      throw new BadAnnotationException(
          file, 0, -1, spec.name(), "unreadable Parquet part file: " + e.getMessage());
    }
  }

  private static void append(
      tech.tablesaw.columns.Column<?> col, Column spec, Group g, int field, Path file, long row) {
    if (g.getFieldRepetitionCount(field) == 0) {
      col.appendMissing();
      return;
    }
    if (!(spec.type() instanceof ColumnType.Scalar scalar)) {
      ((StringColumn) col).append(NestedCells.json(g.getGroup(field, 0), spec.type()));
      return;
    }
    GroupType type = g.getType();
    PrimitiveType.PrimitiveTypeName physical =
        type.getType(field).asPrimitiveType().getPrimitiveTypeName();
    switch (scalar) {
      case STRING -> ((StringColumn) col).append(g.getString(field, 0));
      case BOOLEAN -> {
        if (physical != PrimitiveType.PrimitiveTypeName.BOOLEAN) {
          throw new BadAnnotationException(
              file, row, -1, spec.name(), "expected BOOLEAN, found " + physical);
        }
        ((BooleanColumn) col).append(g.getBoolean(field, 0));
      }
      case INT -> ((IntColumn) col).append((int) number(g, field, physical, file, row, spec));
      case LONG -> ((LongColumn) col).append((long) number(g, field, physical, file, row, spec));
      case DOUBLE -> ((DoubleColumn) col).append(number(g, field, physical, file, row, spec));
    }
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

  private static tech.tablesaw.columns.Column<?> newColumn(Column c) {
    if (!(c.type() instanceof ColumnType.Scalar scalar)) {
      return StringColumn.create(c.name());
    }
    return switch (scalar) {
      case STRING -> StringColumn.create(c.name());
      case INT -> IntColumn.create(c.name());
      case LONG -> LongColumn.create(c.name());
      case DOUBLE -> DoubleColumn.create(c.name());
      case BOOLEAN -> BooleanColumn.create(c.name());
    };
  }
}
