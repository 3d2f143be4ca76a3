package io.keyframe.spark.output;

import java.util.List;
import java.util.Map;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Java lists and maps as the Scala collections Spark's row encoder accepts for the contract's
 * {@code list<...>} and {@code map<...>} columns (a {@code JavaRDD<Row>} holding a {@code
 * java.util.Map} fails to encode).
 */
public final class NestedValues {
  private NestedValues() {}

  /** A {@code list<...>} cell; elements of struct type are {@code Row}s. */
  public static <T> scala.collection.Seq<T> list(List<T> values) {
    return CollectionConverters.asScala(values).toSeq();
  }

  /** A {@code map<...>} cell, or null for null. */
  public static <K, V> scala.collection.Map<K, V> map(Map<K, V> values) {
    return values == null ? null : CollectionConverters.asScala(values);
  }
}
