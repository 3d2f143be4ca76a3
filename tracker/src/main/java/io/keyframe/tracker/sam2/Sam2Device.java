package io.keyframe.tracker.sam2;

/**
 * Where the SAM 2 graphs run: the CPU (the default), or one CUDA GPU through ONNX Runtime's CUDA
 * execution provider. Written {@code cpu}, {@code cuda} (GPU 0, or the GPU Spark assigned to the
 * task) or {@code cuda:N}; {@link #parse} is the one parser the CLI and the Spark job share.
 *
 * @param gpu the CUDA device index, or -1 for the CPU
 */
public record Sam2Device(int gpu) {
  /** The CPU. */
  public static final Sam2Device CPU = new Sam2Device(-1);

  public Sam2Device {
    if (gpu < -1) throw new IllegalArgumentException("GPU index is negative: " + gpu);
  }

  /** CUDA GPU {@code index}. */
  public static Sam2Device cuda(int index) {
    if (index < 0) throw new IllegalArgumentException("GPU index is negative: " + index);
    return new Sam2Device(index);
  }

  public boolean isCuda() {
    return gpu >= 0;
  }

  /**
   * Reads {@code cpu}, {@code cuda} (= {@code cuda:0}) or {@code cuda:N} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the value and the accepted forms
   */
  public static Sam2Device parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(java.util.Locale.ROOT);
    if (t.equals("cpu")) return CPU;
    if (t.equals("cuda")) return cuda(0);
    if (t.startsWith("cuda:")) {
      String n = t.substring(5);
      if (!n.isEmpty() && n.length() <= 4 && n.chars().allMatch(Character::isDigit))
        return cuda(Integer.parseInt(n));
    }
    throw new IllegalArgumentException(
        "--device must be cpu, cuda or cuda:N (N = GPU index, e.g. cuda:1), got '" + text + "'");
  }

  /** {@code cpu} or {@code cuda:N}, the form {@link #parse} reads back. */
  @Override
  public String toString() {
    return isCuda() ? "cuda:" + gpu : "cpu";
  }
}
