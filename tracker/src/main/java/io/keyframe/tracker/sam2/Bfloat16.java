package io.keyframe.tracker.sam2;

/**
 * float32 -> bfloat16 -> float32, round to nearest even, as torch's {@code .to(torch.bfloat16)}.
 */
final class Bfloat16 {
  private Bfloat16() {}

  static float round(float v) {
    if (Float.isNaN(v)) return v;
    int bits = Float.floatToRawIntBits(v);
    int lsb = (bits >>> 16) & 1;
    bits += 0x7fff + lsb;
    return Float.intBitsToFloat(bits & 0xffff0000);
  }
}
