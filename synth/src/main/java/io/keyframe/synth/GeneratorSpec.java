package io.keyframe.synth;

import java.util.List;
import java.util.Objects;

/**
 * Everything that determines a generated batch; equal specs give identical output.
 *
 * @param videos number of videos (>= 1)
 * @param frames frames per video (>= 1)
 * @param objects annotated objects per video (>= 1); classes are instanced round-robin, so any
 *     count works
 * @param seed the random seed
 * @param width frame width in pixels
 * @param height frame height in pixels
 * @param fps frame rate
 * @param peoplePerMinute people crossing the room per minute of video
 * @param cartsPerMinute carts pushed across per minute of video
 * @param movingFraction fraction of movable objects that are wheeled around (some out of view)
 * @param annotators simulated annotators, at least two
 * @param model simulated detector
 */
public record GeneratorSpec(
    int videos,
    int frames,
    int objects,
    long seed,
    int width,
    int height,
    double fps,
    double peoplePerMinute,
    double cartsPerMinute,
    double movingFraction,
    List<AnnotatorProfile> annotators,
    ModelProfile model) {
  /**
   * Largest batch the generator accepts: 10,000 videos of up to 1,000,000 frames (about 9 h at 30
   * fps).
   */
  public static final int MAX_VIDEOS = 10_000, MAX_FRAMES = 1_000_000;

  public GeneratorSpec {
    // Upper bounds too: a size taken from the command line must fail here, not as an
    // OutOfMemoryError.
    if (videos < 1 || videos > MAX_VIDEOS)
      throw new IllegalArgumentException("videos must be in [1, " + MAX_VIDEOS + "]: " + videos);
    if (frames < 1 || frames > MAX_FRAMES)
      throw new IllegalArgumentException("frames must be in [1, " + MAX_FRAMES + "]: " + frames);
    if (objects < 1 || objects > 1000)
      throw new IllegalArgumentException("objects must be in [1, 1000]: " + objects);
    if (width < 64 || height < 64 || width > 8192 || height > 8192)
      throw new IllegalArgumentException(
          "frame size must be in [64, 8192]: " + width + "x" + height);
    if (!(fps > 0) || fps > 1000)
      throw new IllegalArgumentException("fps must be in (0, 1000]: " + fps);
    if (!(peoplePerMinute >= 0) || peoplePerMinute > 600)
      throw new IllegalArgumentException("peoplePerMinute not in [0, 600]: " + peoplePerMinute);
    if (!(cartsPerMinute >= 0) || cartsPerMinute > 600)
      throw new IllegalArgumentException("cartsPerMinute not in [0, 600]: " + cartsPerMinute);
    if (!(movingFraction >= 0 && movingFraction <= 1))
      throw new IllegalArgumentException("movingFraction not in [0,1]: " + movingFraction);
    annotators = List.copyOf(annotators);
    if (annotators.size() < 2)
      throw new IllegalArgumentException("at least two annotators are needed for agreement");
    if (annotators.stream().map(AnnotatorProfile::name).distinct().count() != annotators.size())
      throw new IllegalArgumentException("annotator names must be distinct");
    Objects.requireNonNull(model, "model");
  }

  /** The defaults: 640x360 at 15 fps, 3 annotators (the last sloppy), the default detector. */
  public static GeneratorSpec of(int videos, int frames, int objects, long seed) {
    return new Builder(videos, frames, objects, seed).build();
  }

  /** A copy with {@code n} default annotators. */
  public GeneratorSpec withAnnotators(int n) {
    return withAnnotators(AnnotatorProfile.panel(n));
  }

  /** A copy with these annotators. */
  public GeneratorSpec withAnnotators(List<AnnotatorProfile> profiles) {
    Builder b = toBuilder();
    b.annotators = profiles;
    return b.build();
  }

  /** A copy with another frame size and rate. */
  public GeneratorSpec withFormat(int newWidth, int newHeight, double newFps) {
    Builder b = toBuilder();
    b.width = newWidth;
    b.height = newHeight;
    b.fps = newFps;
    return b.build();
  }

  /** A copy with other occluder rates. */
  public GeneratorSpec withTraffic(double people, double carts) {
    Builder b = toBuilder();
    b.peoplePerMinute = people;
    b.cartsPerMinute = carts;
    return b.build();
  }

  /** A copy with another detector profile. */
  public GeneratorSpec withModel(ModelProfile newModel) {
    Builder b = toBuilder();
    b.model = newModel;
    return b.build();
  }

  private Builder toBuilder() {
    Builder b = new Builder(videos, frames, objects, seed);
    b.width = width;
    b.height = height;
    b.fps = fps;
    b.peoplePerMinute = peoplePerMinute;
    b.cartsPerMinute = cartsPerMinute;
    b.movingFraction = movingFraction;
    b.annotators = annotators;
    b.model = model;
    return b;
  }

  /**
   * The one place the twelve components meet the canonical constructor (the withers change a few),
   * with the defaults of {@link #of}: the checks stay in the constructor.
   */
  private static final class Builder {
    private final int videos;
    private final int frames;
    private final int objects;
    private final long seed;
    private int width = 640;
    private int height = 360;
    private double fps = 15;
    private double peoplePerMinute = 12;
    private double cartsPerMinute = 4;
    private double movingFraction = 0.35;
    private List<AnnotatorProfile> annotators = AnnotatorProfile.panel(3);
    private ModelProfile model = ModelProfile.defaults();

    private Builder(int videos, int frames, int objects, long seed) {
      this.videos = videos;
      this.frames = frames;
      this.objects = objects;
      this.seed = seed;
    }

    private GeneratorSpec build() {
      return new GeneratorSpec(
          videos,
          frames,
          objects,
          seed,
          width,
          height,
          fps,
          peoplePerMinute,
          cartsPerMinute,
          movingFraction,
          annotators,
          model);
    }
  }

  /** The video id of video {@code index}, e.g. {@code clinic-s7-v00}. */
  public String videoId(int index) {
    return String.format(java.util.Locale.ROOT, "clinic-s%d-v%02d", seed, index);
  }
}
