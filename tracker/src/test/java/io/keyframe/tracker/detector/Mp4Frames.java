package io.keyframe.tracker.detector;

import io.keyframe.dataset.Frame;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.jcodec.api.FrameGrab;
import org.jcodec.common.io.NIOUtils;
import org.jcodec.common.model.Picture;
import org.jcodec.scale.AWTUtil;

/** Test-only MP4 decoding with jcodec (the product's frame source lives in dataset). */
final class Mp4Frames {
  private Mp4Frames() {}

  static List<Frame> first(File mp4, int count, int step) throws Exception {
    List<Frame> out = new ArrayList<>();
    try (var ch = NIOUtils.readableChannel(mp4)) {
      FrameGrab grab = FrameGrab.createFrameGrab(ch);
      Picture p;
      for (int i = 0; i < count * step && (p = grab.getNativeFrame()) != null; i++)
        if (i % step == 0) out.add(new Frame(i, AWTUtil.toBufferedImage(p)));
    }
    return out;
  }
}
