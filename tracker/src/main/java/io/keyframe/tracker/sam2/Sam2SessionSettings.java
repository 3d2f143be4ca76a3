package io.keyframe.tracker.sam2;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How every ONNX Runtime session of a SAM 2 bundle is built: the one place its {@code
 * SessionOptions} come from, and what a run records about them in its provenance ({@link
 * #provenance}).
 *
 * <p>Why these defaults: the loop calls one graph at a time, each a chain of large MatMul/Conv
 * nodes, so all cores go to intra-op parallelism of the node at hand (sequential execution, one
 * inter-op thread: a parallel executor only adds contention); all graph optimisations (fusions,
 * constant folding, layout) are applied once at load; the CPU arena and memory patterns reuse the
 * same buffers call after call, since every call of a graph has the same shapes for a given memory
 * size.
 *
 * @param device CPU or a CUDA GPU
 * @param intraOpThreads threads per session for one node; 0 = one per available core
 * @param optimisation ONNX Runtime's graph optimisation level
 * @param cpuMemoryArena ONNX Runtime's CPU arena allocator
 * @param memoryPattern pre-planned allocation for repeated shapes
 */
public record Sam2SessionSettings(
    Sam2Device device,
    int intraOpThreads,
    OrtSession.SessionOptions.OptLevel optimisation,
    boolean cpuMemoryArena,
    boolean memoryPattern) {

  public Sam2SessionSettings {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(optimisation, "optimisation");
    if (intraOpThreads < 0)
      throw new IllegalArgumentException("intra-op threads is negative: " + intraOpThreads);
  }

  /** CPU, one intra-op thread per core, sequential, all optimisations, arena and patterns on. */
  public static Sam2SessionSettings defaults() {
    return new Sam2SessionSettings(
        Sam2Device.CPU, 0, OrtSession.SessionOptions.OptLevel.ALL_OPT, true, true);
  }

  public Sam2SessionSettings withDevice(Sam2Device d) {
    return new Sam2SessionSettings(d, intraOpThreads, optimisation, cpuMemoryArena, memoryPattern);
  }

  /** {@code threads} intra-op threads (0 = one per core). */
  public Sam2SessionSettings withIntraOpThreads(int threads) {
    return new Sam2SessionSettings(device, threads, optimisation, cpuMemoryArena, memoryPattern);
  }

  public Sam2SessionSettings withOptimisation(OrtSession.SessionOptions.OptLevel level) {
    return new Sam2SessionSettings(device, intraOpThreads, level, cpuMemoryArena, memoryPattern);
  }

  public Sam2SessionSettings withMemory(boolean arena, boolean pattern) {
    return new Sam2SessionSettings(device, intraOpThreads, optimisation, arena, pattern);
  }

  /** The intra-op thread count sessions get: the value given, else this JVM's available cores. */
  public int resolvedIntraOpThreads() {
    return intraOpThreads > 0 ? intraOpThreads : Runtime.getRuntime().availableProcessors();
  }

  /**
   * Fails unless this ONNX Runtime build can run on {@link #device}: a CUDA device needs the GPU
   * build ({@code com.microsoft.onnxruntime:onnxruntime_gpu}, keyframe's {@code -Pcuda} profile).
   *
   * @throws DeviceUnavailableException naming the build to use
   */
  public void checkDevice() {
    if (!device.isCuda()) return;
    Sam2Graphs.startDjlEngineIfPresent();
    var providers = OrtEnvironment.getAvailableProviders();
    if (!providers.contains(OrtProvider.CUDA))
      throw new DeviceUnavailableException(
          "--device "
              + device
              + " needs ONNX Runtime's GPU build, and this one has only "
              + providers
              + ": build keyframe with the CUDA profile (./mvnw -B -Pcuda package, which swaps"
              + " com.microsoft.onnxruntime:onnxruntime for onnxruntime_gpu "
              + ortVersion()
              + ") on a machine with an NVIDIA driver, CUDA 12 and cuDNN 9, or use --device cpu");
  }

  /** New session options carrying these settings; the caller closes them. */
  public OrtSession.SessionOptions sessionOptions() {
    checkDevice();
    OrtSession.SessionOptions so = new OrtSession.SessionOptions();
    try {
      so.setIntraOpNumThreads(resolvedIntraOpThreads());
      so.setInterOpNumThreads(1);
      so.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
      so.setOptimizationLevel(optimisation);
      so.setCPUArenaAllocator(cpuMemoryArena);
      so.setMemoryPatternOptimization(memoryPattern);
      if (device.isCuda()) so.addCUDA(device.gpu());
      return so;
    } catch (OrtException e) {
      so.close();
      throw new DeviceUnavailableException(
          "ONNX Runtime refused the session settings for " + device + ": " + e.getMessage());
    }
  }

  /**
   * What a run records about its sessions: ONNX Runtime version, device, threads, execution mode,
   * optimisation level and memory settings (snake_case keys, JSON-ready values).
   */
  public Map<String, Object> provenance() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("onnxruntime_version", ortVersion());
    out.put("device", device.toString());
    out.put("intra_op_threads", resolvedIntraOpThreads());
    out.put("inter_op_threads", 1);
    out.put("execution_mode", "sequential");
    out.put("optimization_level", optimisation.name().toLowerCase(Locale.ROOT));
    out.put("cpu_memory_arena", cpuMemoryArena);
    out.put("memory_pattern", memoryPattern);
    return out;
  }

  private static String ortVersion() {
    // DJL's engine owns the process-wide environment when it is present: let it create it first.
    Sam2Graphs.startDjlEngineIfPresent();
    return OrtEnvironment.getEnvironment().getVersion();
  }

  /** The requested device cannot be used by this build or machine (CLI exit code 2). */
  public static final class DeviceUnavailableException extends IllegalArgumentException {
    public DeviceUnavailableException(String message) {
      super(message);
    }
  }
}
