package io.keyframe.tracker.bytetrack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fallback's settings as provenance sees them: every one named, each one making a difference.
 */
public class ByteTrackConfigFieldsTest {
  /**
   * {@link ByteTrackConfig#anchored}'s settings, written out by hand from ByteTrack's {@code
   * byte_tracker.py} / {@code kalman_filter.py} values and keyframe's own (the 30-frame gap filling
   * is the 30-frame track buffer).
   */
  public static final Map<String, Object> ANCHORED_DEFAULTS =
      Map.ofEntries(
          Map.entry("scores.high", 0.5),
          Map.entry("scores.low", 0.1),
          Map.entry("scores.new_track", 0.6),
          Map.entry("matching.limit", 0.8),
          Map.entry("matching.low_limit", 0.5),
          Map.entry("matching.tentative_limit", 0.7),
          Map.entry("matching.class_gate", 0.1),
          Map.entry("matching.class_penalty", 0.1),
          Map.entry("matching.keyframe_iou", 0.5),
          Map.entry("appearance.weight", 0.3),
          Map.entry("appearance.history_alpha", 0.1),
          Map.entry("appearance.gate", 0.5),
          Map.entry("lifecycle.max_lost_frames", 30L),
          Map.entry("lifecycle.min_occlusion_frames", 3L),
          Map.entry("lifecycle.interpolate_gap_frames", 30L),
          Map.entry("stitching.enabled", true),
          Map.entry("stitching.window_frames", 300L),
          Map.entry("stitching.radius", 3.0),
          Map.entry("stitching.motion_horizon_frames", 15L),
          Map.entry("stitching.radius_growth_frames", 150L),
          Map.entry("stitching.radius_growth_cap_frames", 300L),
          Map.entry("stitching.max_area_ratio", 2.5),
          Map.entry("stitching.distance_weight", 0.7),
          Map.entry("stitching.size_weight", 0.3),
          Map.entry("stitching.appearance_share", 0.5),
          Map.entry("stitching.ambiguous_birth_factor", 2.0),
          Map.entry("motion.position_noise", 0.05),
          Map.entry("motion.velocity_noise", 0.00625));

  @Test
  void provenanceNamesEverySettingWithItsDefault() {
    assertThat(flat(ByteTrackConfig.anchored().fields(), ""))
        .containsExactlyInAnyOrderEntriesOf(ANCHORED_DEFAULTS);
    assertThat(flat(ByteTrackConfig.plain().fields(), ""))
        .containsEntry("stitching.enabled", false)
        .containsEntry("lifecycle.interpolate_gap_frames", 0L);
  }

  @Test
  void aSettingOutOfRangeIsRejectedByName() {
    assertThatThrownBy(() -> new ByteTrackConfig.Matching(0.8, 0.5, 1.2, 0.1, 0.1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tentativeLimit not in (0,1]: 1.2");
    assertThatThrownBy(() -> new ByteTrackConfig.Appearance(0.3, 0, 0.5))
        .hasMessage("historyAlpha not in (0,1]: 0.0");
    assertThatThrownBy(() -> new ByteTrackConfig.Scores(0.5, 0.6, 0.6))
        .hasMessageContaining("need 0 <= low <= high <= 1");
    assertThatThrownBy(() -> ByteTrackConfig.defaults().withAppearanceWeight(1.5))
        .hasMessage("appearance weight not in [0,1]: 1.5");
  }

  /** Every leaf setting of the record, by dotted snake-case path. */
  static Stream<String> settings() {
    return flat(ByteTrackConfig.anchored().fields(), "").keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("settings")
  void changingAnyOneSettingChangesTheProvenanceInThatSettingOnly(String setting) throws Exception {
    ByteTrackConfig base = ByteTrackConfig.anchored();
    ByteTrackConfig changed = (ByteTrackConfig) nudged(base, setting.split("\\."), 0);
    Map<String, Object> a = flat(base.fields(), ""), b = flat(changed.fields(), "");
    assertThat(b.get(setting)).isNotEqualTo(a.get(setting));
    a.remove(setting);
    b.remove(setting);
    assertThat(b).isEqualTo(a);
  }

  /** A copy of {@code r} with the component at {@code path} moved to another valid value. */
  private static Record nudged(Record r, String[] path, int depth) throws Exception {
    RecordComponent[] cs = r.getClass().getRecordComponents();
    Object[] args = new Object[cs.length];
    Class<?>[] types = new Class<?>[cs.length];
    boolean found = false;
    for (int i = 0; i < cs.length; i++) {
      types[i] = cs[i].getType();
      args[i] = cs[i].getAccessor().invoke(r);
      if (!snake(cs[i].getName()).equals(path[depth])) continue;
      found = true;
      if (args[i] instanceof Record nested) args[i] = nudged(nested, path, depth + 1);
      else if (args[i] instanceof Boolean b) args[i] = !b;
      else if (args[i] instanceof Integer n) args[i] = n + 1;
      else args[i] = (Double) args[i] * 0.9; // every double setting stays valid at 90 %
    }
    assertThat(found).as(String.join(".", path)).isTrue();
    return (Record) r.getClass().getDeclaredConstructor(types).newInstance(args);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flat(Map<String, Object> m, String prefix) {
    Map<String, Object> out = new TreeMap<>();
    for (var e : m.entrySet())
      if (e.getValue() instanceof Map<?, ?> nested)
        out.putAll(flat((Map<String, Object>) nested, prefix + e.getKey() + "."));
      else if (e.getValue() instanceof Integer n) out.put(prefix + e.getKey(), n.longValue());
      else out.put(prefix + e.getKey(), e.getValue());
    return out;
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
