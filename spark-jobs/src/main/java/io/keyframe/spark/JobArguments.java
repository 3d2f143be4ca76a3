package io.keyframe.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code --name value} arguments of a job's {@code main} (what spark-submit passes after the
 * jar). Repeating a name collects a list. Kept tiny on purpose: the rich CLI lives in {@code cli/}.
 */
public record JobArguments(Map<String, List<String>> values) {
  public JobArguments {
    values = Map.copyOf(values);
  }

  /** Parses {@code --name value} pairs; anything else is an error naming the argument. */
  public static JobArguments parse(String... args) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length)
        throw new IllegalArgumentException(
            "expected --name value pairs, got: " + Arrays.toString(args));
      out.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>()).add(args[i + 1]);
    }
    return new JobArguments(out);
  }

  /** The single value of {@code name}; an error when missing. */
  public String required(String name) {
    List<String> v = values.get(name);
    if (v == null || v.isEmpty()) throw new IllegalArgumentException("missing --" + name);
    return v.get(v.size() - 1);
  }

  public String optional(String name, String fallback) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? fallback : v.get(v.size() - 1);
  }

  public double optional(String name, double fallback) {
    return Double.parseDouble(optional(name, Double.toString(fallback)));
  }

  /** All values of a repeatable {@code name}; values may also be comma-separated. */
  public List<String> list(String name) {
    List<String> out = new ArrayList<>();
    for (String v : values.getOrDefault(name, List.of()))
      for (String part : v.split(",")) if (!part.isBlank()) out.add(part.trim());
    return List.copyOf(out);
  }
}
