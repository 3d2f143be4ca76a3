package io.keyframe.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Type;

/**
 * Writes rows with parquet-java's example Group writer, nested values included: a {@code LIST} of
 * structs takes a {@code List<Object[]>} (one array of field values per element), a {@code MAP} a
 * {@code Map}. {@code null} leaves a field unset.
 */
public final class ParquetRows {
  /** Shared: a fresh Hadoop configuration per file re-parses its XML defaults (slow). */
  private static final org.apache.hadoop.conf.Configuration CONF =
      new org.apache.hadoop.conf.Configuration(false);

  private ParquetRows() {}

  public static void write(Path file, MessageType schema, List<Object[]> rows) {
    SimpleGroupFactory f = new SimpleGroupFactory(schema);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(file))
            .withConf(CONF)
            .withType(schema)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (Object[] row : rows) {
        if (row.length != schema.getFieldCount()) {
          throw new IllegalArgumentException(
              schema.getName()
                  + ": row has "
                  + row.length
                  + " values, schema "
                  + schema.getFieldCount());
        }
        Group g = f.newGroup();
        fill(g, schema, row);
        w.write(g);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void fill(Group g, GroupType type, Object[] values) {
    for (int i = 0; i < values.length; i++) put(g, type.getType(i), values[i]);
  }

  private static void put(Group g, Type t, Object v) {
    if (v == null) {
      return;
    }
    String name = t.getName();
    if (t.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.ListLogicalTypeAnnotation) {
      Group list = g.addGroup(name);
      GroupType element =
          t.asGroupType().getType("list").asGroupType().getType("element").asGroupType();
      for (Object e : (List<?>) v) {
        Group item = list.addGroup("list").addGroup("element");
        fill(item, element, (Object[]) e);
      }
    } else if (t.getLogicalTypeAnnotation()
        instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
      Group map = g.addGroup(name);
      GroupType kvType = t.asGroupType().getType("key_value").asGroupType();
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        Group kv = map.addGroup("key_value");
        put(kv, kvType.getType("key"), e.getKey());
        put(kv, kvType.getType("value"), e.getValue());
      }
    } else if (v instanceof String s) {
      g.append(name, s);
    } else if (v instanceof Integer x) {
      g.append(name, x);
    } else if (v instanceof Long x) {
      g.append(name, x);
    } else if (v instanceof Double x) {
      g.append(name, x);
    } else if (v instanceof Boolean x) {
      g.append(name, x);
    } else {
      throw new IllegalArgumentException("unsupported value " + v.getClass());
    }
  }
}
