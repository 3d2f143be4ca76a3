package io.keyframe.cli;

import io.keyframe.dataset.AtomicOutput;
import io.keyframe.dataset.BadAnnotationException;
import io.keyframe.dataset.FileHash;
import io.keyframe.dataset.audit.AuditEvent;
import io.keyframe.dataset.audit.AuditLog;
import io.keyframe.dataset.deid.ConfidentialityProfile;
import io.keyframe.dataset.deid.DeidOptions;
import io.keyframe.dataset.deid.DeidReport;
import io.keyframe.dataset.deid.Deidentifier;
import io.keyframe.dataset.deid.PrivateTagRule;
import io.keyframe.dataset.deid.ProfileOption;
import io.keyframe.dataset.frames.dicom.DicomFile;
import io.keyframe.dataset.frames.dicom.DicomTags;
import io.keyframe.dataset.privacy.PseudonymKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Copies DICOM files into a de-identified folder: DICOM PS3.15 Annex E Basic Application Level
 * Confidentiality Profile with the chosen options, Patient ID replaced by the keyed patient
 * pseudonym. Every input is checked before anything is written, each copy is written atomically as
 * {@code OUT/<new Series Instance UID>/<new SOP Instance UID>.dcm} (a folder per series, ready for
 * {@code track --video}), and the audit log records the profile and options, never values.
 */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Copy DICOM files (or folders of them) into OUT, de-identified by DICOM PS3.15 Annex E (Basic Application Level Confidentiality Profile, edition "
          + ConfidentialityProfile.EDITION
          + ").",
      "Pixels are not changed: images that may show burned-in text are refused unless --pixels-cleaned."
    })
public final class IngestCommand extends KeyframeCommand {
  @Option(
      names = "--deidentify",
      required = true,
      description = "Apply the Basic Profile (required: ingest never copies identifiable files).")
  boolean deidentify;

  @Option(
      names = "--dates",
      defaultValue = "remove",
      description =
          "remove (basic profile), shift (Modified Dates option: back by a keyed per-patient number of days) or keep (Full Dates option). Default: ${DEFAULT-VALUE}.")
  String dates;

  @Option(
      names = "--keep-patient-characteristics",
      description = "Retain Patient Characteristics option (sex, age, size, weight, ...).")
  boolean keepPatientCharacteristics;

  @Option(
      names = "--keep-device-identity",
      description = "Retain Device Identity option (station name, serial numbers, ...).")
  boolean keepDeviceIdentity;

  @Option(
      names = "--keep-institution-identity",
      description = "Retain Institution Identity option.")
  boolean keepInstitutionIdentity;

  @Option(
      names = "--keep-private",
      paramLabel = "GGGG,CREATOR,EE",
      description =
          "Keep this private element (hex group, private creator, element byte or xx); repeatable. All other private elements are removed.")
  List<String> keepPrivate = new ArrayList<>();

  @Option(
      names = "--pixels-cleaned",
      description =
          "State that burned-in text was already removed from the pixels (needed for Burned In Annotation = YES, and for ultrasound or secondary capture without the attribute).")
  boolean pixelsCleaned;

  @Option(names = "--out", required = true, description = "Output folder.")
  Path out;

  @Parameters(
      paramLabel = "INPUT",
      arity = "1..*",
      description = "DICOM files or folders (searched recursively for Part 10 files).")
  List<Path> inputs;

  @Override
  public Integer call() throws Exception {
    DeidOptions.Dates d =
        switch (dates.toLowerCase()) {
          case "remove" -> DeidOptions.Dates.REMOVE;
          case "shift" -> DeidOptions.Dates.SHIFT;
          case "keep" -> DeidOptions.Dates.KEEP;
          default ->
              throw new IllegalArgumentException("--dates must be remove, shift or keep: " + dates);
        };
    List<PrivateTagRule> rules = keepPrivate.stream().map(PrivateTagRule::parse).toList();
    DeidOptions options =
        new DeidOptions(
            d,
            keepPatientCharacteristics,
            keepDeviceIdentity,
            keepInstitutionIdentity,
            rules,
            pixelsCleaned);
    if (System.getenv(PseudonymKey.ENV) == null)
      PseudonymKey.requireOutside(
          PseudonymKey.defaultFile(Path.of(System.getProperty("user.home"))), out);
    Deidentifier deid = new Deidentifier(Pseudonyms.get(), options);

    List<Path> files = collect();
    // Pass 1: every file must pass before anything is written (no partial output).
    List<BadAnnotationException> refused = new ArrayList<>();
    for (Path f : files) {
      try {
        deid.apply(DicomFile.read(f));
      } catch (BadAnnotationException e) {
        refused.add(e);
      }
    }
    if (!refused.isEmpty()) {
      BadAnnotationException first = refused.get(0);
      String problem = first.getMessage().substring(first.getMessage().indexOf(": ") + 2);
      throw new BadAnnotationException(
          first.file(),
          first.line(),
          first.frame(),
          first.field(),
          problem
              + " ("
              + refused.size()
              + " of "
              + files.size()
              + " files refused; nothing was written)");
    }
    // Pass 2: write.
    DeidReport total = DeidReport.empty();
    Set<String> series = new LinkedHashSet<>();
    List<String> inHashes = new ArrayList<>(), outHashes = new ArrayList<>();
    for (Path f : files) {
      Deidentifier.Result r = deid.apply(DicomFile.read(f));
      String seriesUid = r.file().dataset().string(DicomTags.SERIES_INSTANCE_UID, "no-series");
      String sopUid = r.file().dataset().string(DicomTags.SOP_INSTANCE_UID, "");
      if (sopUid.isEmpty()) sopUid = deid.uid(FileHash.sha256(f));
      Path target = out.resolve(seriesUid).resolve(sopUid + ".dcm");
      AtomicOutput.write(target, o -> r.file().write(o));
      series.add(seriesUid);
      total = total.plus(r.report());
      inHashes.add(FileHash.sha256(f));
      outHashes.add(FileHash.sha256(target));
    }
    audit(options, files.size(), series.size(), total, inHashes, outHashes);
    var o = stdout();
    o.printf(
        "de-identified %d files (%d series) into %s with the PS3.15 %s Basic Profile%s%n",
        files.size(),
        series.size(),
        out,
        ConfidentialityProfile.EDITION,
        options.profileOptions().isEmpty()
            ? ""
            : " + "
                + options.profileOptions().stream()
                    .map(ProfileOption::meaning)
                    .collect(Collectors.joining(", ")));
    o.printf(
        "attributes: %s%n",
        total.actions().entrySet().stream()
            .map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    o.println(
        "pixels were not changed"
            + (pixelsCleaned ? " (you stated burned-in text was already removed)" : ""));
    return 0;
  }

  private List<Path> collect() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path in : inputs) {
      if (Files.isDirectory(in)) {
        try (Stream<Path> s = Files.walk(in)) {
          s.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .sorted()
              .filter(DicomFile::isDicom)
              .forEach(files::add);
        }
      } else if (Files.isRegularFile(in)) {
        if (!DicomFile.isDicom(in))
          throw new BadAnnotationException(
              in, -1, -1, "preamble", "not a DICOM Part 10 file (no 'DICM' at byte 128)");
        files.add(in);
      } else {
        throw new java.nio.file.NoSuchFileException(in.toString());
      }
    }
    if (files.isEmpty())
      throw new BadAnnotationException(
          inputs.get(0), -1, -1, "INPUT", "no DICOM Part 10 files found");
    Path outAbs = out.toAbsolutePath().normalize();
    for (Path f : files)
      if (f.toAbsolutePath().normalize().startsWith(outAbs))
        throw new IllegalArgumentException(
            "an input lies inside the output folder; choose another --out");
    return files;
  }

  /**
   * One entry with the profile, options and counts; files as one combined hash each way, never
   * paths or values.
   */
  private void audit(
      DeidOptions options,
      int files,
      int series,
      DeidReport total,
      List<String> in,
      List<String> outs) {
    Map<String, String> params = new TreeMap<>();
    params.put(
        "profile",
        "DICOM PS3.15 "
            + ConfidentialityProfile.EDITION
            + " Annex E Basic Application Level Confidentiality Profile");
    params.put(
        "options",
        options.profileOptions().stream()
            .map(o -> o.code() + " " + o.meaning())
            .collect(Collectors.joining("; ")));
    params.put("dates", options.dates().name().toLowerCase());
    params.put("pixels_cleaned_by_user", Boolean.toString(options.pixelsCleaned()));
    params.put("private_allow_list", Integer.toString(options.keepPrivate().size()));
    params.put("patient_id", "keyed pseudonym");
    params.put("uids", "2.25 keyed hash");
    params.put("files", Integer.toString(files));
    params.put("series", Integer.toString(series));
    total.actions().forEach((k, v) -> params.put("attributes_" + k, Integer.toString(v)));
    try {
      new AuditLog(AuditTrail.defaultLog())
          .append(
              AuditEvent.command(
                  AuditTrail.actor(),
                  "ingest-deidentify",
                  params,
                  Map.of("dicom_inputs", combined(in)),
                  Map.of("dicom_outputs", combined(outs))));
    } catch (IOException | RuntimeException e) {
      System.err.println("warning: could not append to the audit log: " + e.getMessage());
    }
  }

  /** SHA-256 over the sorted per-file hashes: one value that names the whole set. */
  private static String combined(List<String> hashes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      hashes.stream()
          .sorted()
          .forEach(h -> md.update((h + "\n").getBytes(StandardCharsets.US_ASCII)));
      return HexFormat.of().formatHex(md.digest());
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
