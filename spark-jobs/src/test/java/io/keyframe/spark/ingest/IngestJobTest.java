package io.keyframe.spark.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyframe.dataset.files.AnnotationFiles;
import io.keyframe.spark.RunTables;
import io.keyframe.spark.SharedSpark;
import io.keyframe.spark.agreement.AgreementJob;
import io.keyframe.spark.output.JobOptions;
import io.keyframe.spark.output.RunRecord;
import io.keyframe.spark.output.TooManyBadRowsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ingest and agreement over the committed data-samples/ batch, read back from the Parquet files.
 */
class IngestJobTest {
  private static final Path SAMPLES =
      Path.of(System.getProperty("keyframe.root", ".")).resolve("data-samples");
  private final SparkSession spark = SharedSpark.get();
  @TempDir Path out;

  /** The distinct values of a string {@code column} of run {@code runId}'s detections. */
  private List<String> distinctDetections(Path root, String runId, String column) {
    return RunTables.read(spark, root, "detections", runId)
        .select(column)
        .distinct()
        .as(Encoders.STRING())
        .collectAsList();
  }

  @Test
  void dataSamplesAreIngestedFileByFileAndAnnotatorsScoredAgainstTheTruth() throws Exception {
    RunRecord ingest =
        IngestJob.run(
            spark, new IngestJob.Options(JobOptions.of(out.toString()), SAMPLES.toString()));
    String detections = out.resolve("tables/detections/run_id=" + ingest.runId()).toString();
    Dataset<Row> det = spark.read().parquet(detections);

    assertThat(det.select("source").distinct().as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("gt", "annotator-A", "annotator-B", "annotator-C", "model");
    long gtRows =
        AnnotationFiles.read(SAMPLES.resolve("clinic-s7-v00/gt.coco.json")).detections().size();
    assertThat(det.where("video_id = 'clinic-s7-v00' and source = 'gt'").count()).isEqualTo(gtRows);
    assertThat(det.where("source = 'gt' and mask_rle is not null").count()).isPositive();
    assertThat(det.where("source = 'model' and class_probabilities is not null").count())
        .isPositive();
    assertThat(ingest.inputs())
        .containsKey("clinic-s7-v00/gt.coco.json")
        .doesNotContainKey("clinic-s7-v00/gt.mot.txt");
    assertThat(ingest.rowCounts().get("occlusion_events")).isPositive();

    RunRecord agreement =
        AgreementJob.run(
            spark,
            new AgreementJob.Options(
                JobOptions.of(out.toString()),
                List.of(detections),
                "gt",
                List.of("annotator-A", "annotator-B", "annotator-C"),
                0.5));
    Dataset<Row> m =
        spark
            .read()
            .parquet(out.resolve("tables/tracking_metrics/run_id=" + agreement.runId()).toString())
            .where("video_id = '__all__' and label = '__all__'");
    double careful = m.where("pred_source = 'annotator-A'").first().getAs("idf1");
    double sloppy = m.where("pred_source = 'annotator-C'").first().getAs("idf1");
    // The samples' README: annotator A is careful, C sloppy.
    assertThat(careful).isGreaterThan(sloppy);
  }

  @Test
  void aCorruptFileIsQuarantinedWithItsLocationAndTheRestIngested() throws Exception {
    Path batch = out.resolve("batch/v1");
    Files.createDirectories(batch);
    Path src = SAMPLES.resolve("clinic-s7-v00");
    for (String f :
        List.of("gt.mot.txt", "annotator-A.cvat.xml", "annotator-B.cvat.xml", "model.mot.txt"))
      Files.copy(src.resolve(f), batch.resolve(f));
    String xml = Files.readString(batch.resolve("annotator-B.cvat.xml"));
    Files.writeString(batch.resolve("annotator-B.cvat.xml"), xml.substring(0, xml.length() / 2));

    RunRecord r =
        IngestJob.run(
            spark,
            new IngestJob.Options(
                new JobOptions(out.resolve("o").toString(), "q", 0.5),
                out.resolve("batch").toString()));
    Row q = spark.read().parquet(out.resolve("o/tables/quarantine/run_id=q").toString()).first();
    assertThat(q.<String>getAs("source")).isEqualTo("annotator-B");
    assertThat(q.<String>getAs("file")).isEqualTo("annotator-B.cvat.xml");
    assertThat(q.<String>getAs("reason")).doesNotContain(out.toString());
    Dataset<Row> det = spark.read().parquet(out.resolve("o/tables/detections/run_id=q").toString());
    assertThat(det.select("source").distinct().as(Encoders.STRING()).collectAsList())
        .containsExactlyInAnyOrder("gt", "annotator-A", "model");
    assertThat(r.rowCounts()).containsEntry("quarantine", 1L);

    assertThatThrownBy(
            () ->
                IngestJob.run(
                    spark,
                    new IngestJob.Options(
                        new JobOptions(out.resolve("p").toString(), "q", 0.0),
                        out.resolve("batch").toString())))
        .isInstanceOf(TooManyBadRowsException.class);
  }

  @Test
  void withPseudonymisationNoFolderNameReachesTheTables() {
    String key = "0123456789abcdef0123456789abcdef-test-key";
    Path keyFile = out.resolve("key");
    try {
      Files.writeString(keyFile, key);
      Files.setPosixFilePermissions(
          keyFile, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    RunRecord r =
        IngestJob.run(
            spark,
            new IngestJob.Options(
                new JobOptions(out.resolve("o").toString(), "p", 0.01),
                SAMPLES.toString(),
                true,
                keyFile.toString()));
    List<String> videos = distinctDetections(out.resolve("o"), "p", "video_id");
    String expected =
        new io.keyframe.dataset.privacy.Pseudonymiser(
                io.keyframe.dataset.privacy.PseudonymKey.of(key))
            .video("clinic-s7-v00");
    assertThat(videos).hasSize(2).contains(expected).allMatch(v -> v.matches("vid-[0-9a-f]{8}"));
    assertThat(r.inputs().keySet()).noneMatch(k -> k.contains("clinic-s7"));
    // Annotators are people: their names become ann-xxxxxxxx pseudonyms in rows and provenance.
    var p =
        new io.keyframe.dataset.privacy.Pseudonymiser(
            io.keyframe.dataset.privacy.PseudonymKey.of(key));
    List<String> sources = distinctDetections(out.resolve("o"), "p", "source");
    assertThat(sources)
        .noneMatch(x -> x.startsWith("annotator"))
        .contains("gt", p.annotator("annotator-A"));
    assertThat(r.inputs().keySet()).noneMatch(k -> k.contains("annotator"));
  }

  @Test
  void videoFolderNamesThatWouldBreakLinksAreRefusedUnlessPseudonymised() throws Exception {
    Path batch = out.resolve("odd");
    Path dir = Files.createDirectories(batch.resolve("ward 3#bed?7"));
    Files.writeString(dir.resolve("gt.mot.txt"), "1,1,10,10,20,20,1,1,1\n");
    assertThatThrownBy(() -> IngestJob.tasks(batch, name -> name))
        .isInstanceOf(io.keyframe.dataset.BadAnnotationException.class)
        .hasMessageContaining("[A-Za-z0-9._-]")
        .hasMessageContaining("--pseudonymise true");
    var p =
        new io.keyframe.dataset.privacy.Pseudonymiser(
            io.keyframe.dataset.privacy.PseudonymKey.of(
                "0123456789abcdef0123456789abcdef-test-key"));
    assertThat(IngestJob.tasks(batch, p::video))
        .singleElement()
        .satisfies(t -> assertThat(t.video()).matches("vid-[0-9a-f]{8}"));
  }
}
