package io.keyframe.cli;

import io.keyframe.dataset.Video;
import io.keyframe.dataset.frames.FrameSource;
import io.keyframe.dataset.frames.dicom.DicomDataset;
import io.keyframe.dataset.frames.dicom.DicomFile;
import io.keyframe.dataset.frames.dicom.DicomFrameSource;
import io.keyframe.dataset.frames.dicom.DicomImage;
import io.keyframe.dataset.frames.dicom.DicomTags;
import io.keyframe.dataset.frames.nifti.NiftiFrameSource;
import io.keyframe.dataset.frames.nifti.NiftiVolume;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code info} for frame sources: DICOM files and series folders, NIfTI volumes, MP4 files. Prints
 * modality, frames, size, rate and spacing; never names, IDs, UIDs, dates or descriptions (they
 * identify patients).
 */
final class MediaInfo {
  private MediaInfo() {}

  /** True for what {@code info} describes as frames rather than annotations. */
  static boolean isMedia(Path p) {
    if (Files.isDirectory(p)) return DicomFrameSource.isSeriesFolder(p);
    String n = p.getFileName().toString().toLowerCase();
    return n.endsWith(".dcm")
        || n.endsWith(".dicom")
        || NiftiVolume.isNifti(p)
        || n.endsWith(".mp4")
        || n.endsWith(".m4v")
        || n.endsWith(".mov")
        || (!n.endsWith(".xml")
            && !n.endsWith(".json")
            && !n.endsWith(".txt")
            && DicomFile.isDicom(p));
  }

  static void print(Path p, PrintWriter out) {
    try (FrameSource src = FrameSource.open(p, Video.UNKNOWN_FPS)) {
      if (src instanceof DicomFrameSource d) dicom(d, out);
      else if (src instanceof NiftiFrameSource n) nifti(n, out);
      else out.printf("format        MP4 (H.264)%n");
      out.printf(
          "frames        %d, %dx%d at %.2f fps%s%n",
          src.frameCount(),
          src.width(),
          src.height(),
          src.fps(),
          src instanceof DicomFrameSource d && d.fpsFromFile()
                  || !(src instanceof DicomFrameSource || src instanceof NiftiFrameSource)
              ? ""
              : " (assumed: the file has no frame rate; default "
                  + fpsText(Video.UNKNOWN_FPS)
                  + ")");
    }
  }

  /** A frame rate as the user wrote it: {@code 30}, {@code 29.97}. */
  static String fpsText(double fps) {
    return fps == Math.rint(fps) ? Long.toString((long) fps) : Double.toString(fps);
  }

  private static void dicom(DicomFrameSource src, PrintWriter out) {
    DicomFile f = src.files().get(0);
    DicomDataset d = f.dataset();
    DicomImage img = src.firstImage();
    out.printf(
        "format        DICOM %s, %s%n",
        src.files().size() > 1
            ? "series of " + src.files().size() + " instances"
            : img.frames() > 1 ? "multi-frame instance" : "single-frame instance",
        f.syntax().name());
    out.printf("modality      %s%n", d.string(DicomTags.MODALITY, "(none)"));
    out.printf(
        "pixels        %s, %d sample(s), %d bits allocated%n",
        img.photometric(), img.samplesPerPixel(), d.integer(DicomTags.BITS_ALLOCATED).orElse(0));
    double[] ps = d.doubles(DicomTags.PIXEL_SPACING);
    out.printf(
        "spacing       %s mm pixels%s%n",
        ps.length == 2 ? ps[0] + " x " + ps[1] : "unknown",
        d.number(DicomTags.SLICE_THICKNESS).isPresent()
            ? ", slice thickness " + d.number(DicomTags.SLICE_THICKNESS).getAsDouble() + " mm"
            : "");
    out.printf(
        "display       %s%n",
        img.samplesPerPixel() == 3
            ? "colour as stored"
            : img.hasWindow() ? "the file's Window Center/Width" : "the stack's min..max");
    out.printf("burned-in     %s%n", d.string(DicomTags.BURNED_IN_ANNOTATION, "not stated"));
    out.printf(
        "de-identified %s%n",
        d.string(DicomTags.PATIENT_IDENTITY_REMOVED, "not stated (treat as identifiable)"));
  }

  private static void nifti(NiftiFrameSource src, PrintWriter out) {
    NiftiVolume v = src.volume();
    int[] dims = new int[v.rank()];
    for (int i = 0; i < dims.length; i++) dims[i] = v.size(i);
    out.printf(
        "format        NIfTI-1, datatype %d, dims %s%n",
        v.datatype(),
        Arrays.stream(dims).mapToObj(Integer::toString).collect(Collectors.joining("x")));
    out.printf(
        "spacing       %s (voxel size, file units)%n",
        Arrays.stream(new double[] {v.spacing(0), v.spacing(1), v.spacing(2)})
            .mapToObj(x -> String.format("%.3g", x))
            .collect(Collectors.joining(" x ")));
    out.printf(
        "slices        along %s%s%n",
        src.axis().name().toLowerCase(), v.size(3) > 1 ? " of volume 0 of " + v.size(3) : "");
    double[] r = src.displayRange();
    out.printf(
        "display       %.6g..%.6g%s%n",
        r[0], r[1], v.calMax() > v.calMin() ? " (cal_min..cal_max)" : " (volume min..max)");
  }
}
