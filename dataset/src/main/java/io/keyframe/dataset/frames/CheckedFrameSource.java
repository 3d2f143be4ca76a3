package io.keyframe.dataset.frames;

import io.keyframe.dataset.Frame;

/**
 * The step every {@link FrameSource} shares: {@link #read} checks the index against {@link
 * #frameCount()} (the {@link IndexOutOfBoundsException} the interface promises) and only then asks
 * the subclass for the frame, so a decoder never sees an index out of range.
 */
public abstract class CheckedFrameSource implements FrameSource {

  @Override
  public final Frame read(int index) {
    FrameSource.checkIndex(index, frameCount());
    return decode(index);
  }

  /**
   * Decodes frame {@code index}, already checked to be in {@code [0, frameCount)}.
   *
   * @throws io.keyframe.dataset.BadAnnotationException when the frame cannot be decoded
   */
  protected abstract Frame decode(int index);

  /** The class's simple name and the format, e.g. {@code Mp4FrameSource[90 frames, ...]}. */
  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + format() + "]";
  }
}
