package io.keyframe.dataset.audit;

import java.util.List;

/**
 * The verdict on one audit log.
 *
 * @param entries readable entries in the log
 * @param headChecked whether a head file was present, so that truncation of the tail could be
 *     checked
 * @param problems every break found, in line order; empty when the chain is intact
 */
public record AuditVerification(long entries, boolean headChecked, List<AuditProblem> problems) {
  public AuditVerification {
    problems = List.copyOf(problems);
  }

  /** True when no problem was found. */
  public boolean ok() {
    return problems.isEmpty();
  }

  /** Text for the terminal: a verdict line, then one line per problem. */
  public String report() {
    StringBuilder b = new StringBuilder();
    if (ok())
      b.append("audit log intact: ").append(entries).append(" entries, hash chain verified");
    else
      b.append("audit log TAMPERED or damaged: ")
          .append(problems.size())
          .append(" problem(s) in ")
          .append(entries)
          .append(" entries");
    if (!headChecked)
      b.append(
          "\nnote: no head file beside the log, so removal of the last entries cannot be detected");
    for (AuditProblem p : problems) b.append('\n').append(p.describe());
    return b.append('\n').toString();
  }
}
