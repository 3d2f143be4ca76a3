package io.keyframe.tracker.sam2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Video;
import io.keyframe.tracker.FrameImages;
import io.keyframe.tracker.TrackedVideo;
import io.keyframe.tracker.WhiteSquare;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An {@code --fp16} bundle (the fixture bundle converted by export_sam2_bundle.to_fp16_weights:
 * float16 initializers, each cast back to float32): the loop feeds and reads float32 tensors as for
 * the float32 bundle, records the precision, and tracks to the same boxes.
 */
class Sam2Fp16BundleTest {
  private static Path bundle(String name) throws Exception {
    return Path.of(Sam2Fp16BundleTest.class.getResource(name + "/manifest.json").toURI())
        .getParent();
  }

  private static final FrameImages FRAMES = f -> WhiteSquare.frame(64, 12 + f, 16, 32);

  private static TrackedVideo track(String name) throws Exception {
    try (Sam2VideoTracker t = Sam2VideoTracker.open(bundle(name), 1, Sam2Config.defaults())) {
      assertThat(t.manifest().precision()).isEqualTo(name.endsWith("fp16") ? "fp16" : "fp32");
      assertThat(((java.util.Map<?, ?>) t.settings().get("bundle")).get("precision"))
          .isEqualTo(t.manifest().precision());
      return t.track(
          new Video("v", 10, 64, 64, 8, ""),
          FRAMES,
          List.of(Detection.of(0, 1, "iv_pole", new Box(12, 16, 32, 32))),
          null);
    }
  }

  @Test
  void theFp16BundleTracksToTheFp32BundlesBoxes() throws Exception {
    List<Detection> fp32 = track("sam2").tracks().detections();
    List<Detection> fp16 = track("sam2-fp16").tracks().detections();
    assertThat(fp32).isNotEmpty();
    assertThat(fp16).hasSameSizeAs(fp32);
    for (int i = 0; i < fp32.size(); i++) {
      Box a = fp32.get(i).boxOrMaskBox(), b = fp16.get(i).boxOrMaskBox();
      assertThat(fp16.get(i).frame()).isEqualTo(fp32.get(i).frame());
      assertThat(b.x()).isCloseTo(a.x(), within(1.0));
      assertThat(b.y()).isCloseTo(a.y(), within(1.0));
      assertThat(b.w()).isCloseTo(a.w(), within(1.0));
      assertThat(b.h()).isCloseTo(a.h(), within(1.0));
    }
  }
}
