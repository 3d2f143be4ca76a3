package io.keyframe.cli;

import io.keyframe.metrics.agreement.Weighting;
import io.keyframe.metrics.report.AgreementReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Inter-rater agreement (Cohen, Fleiss, Krippendorff) with bootstrap CIs on item,rater,label data. */
@Command(
    name = "agreement",
    mixinStandardHelpOptions = true,
    description = "Cohen's/Fleiss' kappa and Krippendorff's alpha with 95% bootstrap CIs (seed 42).")
public final class AgreementCommand implements Callable<Integer> {
  @Option(names = "--labels", required = true, description = "CSV with columns item,rater,label.")
  Path labels;

  @Option(names = "--weights", defaultValue = "none", description = "Cohen weighting: none, linear, quadratic (default: ${DEFAULT-VALUE}).")
  String weights;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    AgreementReport report = AgreementReport.ofCsv(labels, Weighting.parse(weights));
    spec.commandLine().getOut().println(json ? report.toJson() : report.toText());
    return 0;
  }
}
