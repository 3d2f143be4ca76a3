package io.keyframe.dataset.frames.dicom;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * A data set (or a sequence item): elements in ascending tag order, as PS3.5 7.1 requires of a
 * written file. Mutable on purpose, like a document tree: the de-identifier edits a copy.
 */
public final class DicomDataset {
  private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);

  public DicomDataset() {}

  /** A shallow copy (elements are immutable; nested items are copied when edited). */
  public DicomDataset copy() {
    DicomDataset d = new DicomDataset();
    d.elements.putAll(elements);
    return d;
  }

  public void put(DicomElement e) {
    elements.put(e.tag(), e);
  }

  public DicomElement remove(int tag) {
    return elements.remove(tag);
  }

  public DicomElement get(int tag) {
    return elements.get(tag);
  }

  public boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  /** Elements in tag order (unmodifiable view). */
  public Collection<DicomElement> elements() {
    return Collections.unmodifiableCollection(elements.values());
  }

  /** Tags in order (a copy, safe to iterate while editing). */
  public List<Integer> tags() {
    return new ArrayList<>(elements.keySet());
  }

  public int size() {
    return elements.size();
  }

  /** The trimmed text value, or null when absent. */
  public String string(int tag) {
    DicomElement e = elements.get(tag);
    return e == null ? null : e.string();
  }

  /** The text value or {@code fallback} when absent or empty. */
  public String string(int tag, String fallback) {
    String s = string(tag);
    return s == null || s.isEmpty() ? fallback : s;
  }

  /** The backslash-separated values of a text element (DS, IS, CS ...); empty when absent. */
  public List<String> strings(int tag) {
    String s = string(tag);
    if (s == null || s.isEmpty()) return List.of();
    List<String> out = new ArrayList<>();
    for (String part : s.split("\\\\", -1)) out.add(part.strip());
    return out;
  }

  /** An integer from US/SS/UL/SL (binary) or IS (text), first value. */
  public OptionalInt integer(int tag) {
    DicomElement e = elements.get(tag);
    if (e == null || e.length() == 0) return OptionalInt.empty();
    var v = e.value().duplicate().order(e.value().order());
    switch (e.vr()) {
      case "US":
        return v.remaining() >= 2
            ? OptionalInt.of(Short.toUnsignedInt(v.getShort()))
            : OptionalInt.empty();
      case "SS":
        return v.remaining() >= 2 ? OptionalInt.of(v.getShort()) : OptionalInt.empty();
      case "UL":
      case "SL":
        return v.remaining() >= 4 ? OptionalInt.of(v.getInt()) : OptionalInt.empty();
      default:
        List<String> s = strings(tag);
        if (s.isEmpty() || s.get(0).isEmpty()) return OptionalInt.empty();
        try {
          return OptionalInt.of((int) Math.round(Double.parseDouble(s.get(0))));
        } catch (NumberFormatException x) {
          return OptionalInt.empty();
        }
    }
  }

  /** The numbers of a DS/IS/FL/FD element; empty when absent. */
  public double[] doubles(int tag) {
    DicomElement e = elements.get(tag);
    if (e == null || e.length() == 0) return new double[0];
    var v = e.value().duplicate().order(e.value().order());
    switch (e.vr()) {
      case "FD":
        {
          double[] d = new double[v.remaining() / 8];
          for (int i = 0; i < d.length; i++) d[i] = v.getDouble();
          return d;
        }
      case "FL":
        {
          double[] d = new double[v.remaining() / 4];
          for (int i = 0; i < d.length; i++) d[i] = v.getFloat();
          return d;
        }
      case "US", "SS", "UL", "SL":
        return new double[] {integer(tag).orElse(0)};
      default:
        List<String> s = strings(tag);
        double[] d = new double[s.size()];
        for (int i = 0; i < d.length; i++) {
          try {
            d[i] = Double.parseDouble(s.get(i));
          } catch (NumberFormatException x) {
            return new double[0];
          }
        }
        return d;
    }
  }

  /** The first number of a DS/IS/FL/FD element. */
  public OptionalDouble number(int tag) {
    double[] d = doubles(tag);
    return d.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(d[0]);
  }

  @Override
  public String toString() {
    return "DicomDataset[" + elements.size() + " elements]";
  }

  /** Tag to element, in order (unmodifiable). */
  public Map<Integer, DicomElement> asMap() {
    return Collections.unmodifiableMap(elements);
  }
}
