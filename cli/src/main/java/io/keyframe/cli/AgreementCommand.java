package io.keyframe.cli;

import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.report.AgreementReport;
import io.keyframe.metrics.report.AnnotationAgreementReport;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Inter-rater agreement (Cohen, Fleiss, Krippendorff) with bootstrap CIs on item,rater,label data.
 */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description =
        "Cohen's/Fleiss' kappa and Krippendorff's alpha with 95%% bootstrap CIs (seed 42).")
public final class AgreementCommand extends KeyframeCommand {
  @Option(
      names = "--labels",
      required = true,
      split = ",",
      arity = "1..*",
      description =
          "A CSV with columns item,rater,label (or rater_a,rater_b per item), or two or more annotation files of one video (first = reference; SA-V masklets supported).")
  List<Path> labels;

  @Option(
      names = "--weights",
      defaultValue = "none",
      description = "Cohen weighting: none, linear, quadratic (default: ${DEFAULT-VALUE}).")
  String weights;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws java.io.IOException {
    var out = stdout();
    if (labels.size() == 1
        && labels.get(0).toString().toLowerCase(java.util.Locale.ROOT).endsWith(".csv")) {
      AgreementReport report = AgreementReport.ofCsv(labels.get(0), Weighting.parse(weights));
      out.println(json ? report.toJson() : report.toText());
      return 0;
    }
    if (labels.size() < 2)
      throw new IllegalArgumentException(
          "agreement between annotation files needs at least two files (one per annotator); got "
              + labels.size());
    AnnotationAgreementReport report = AnnotationAgreementReport.of(labels);
    out.println(json ? report.toJson() : report.toText());
    return 0;
  }
}
