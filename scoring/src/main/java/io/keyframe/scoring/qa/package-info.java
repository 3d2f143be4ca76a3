/**
 * The QA protocol around labelling: double-blind assignment of work to annotators, the
 * expert-review list of items whose double labels disagree, consensus merging of several
 * annotations of one video, and per-annotator scorecards. IoU, optimal assignment, kappa and
 * bootstrap intervals come from {@code metrics}; this package only decides what to compare with
 * what.
 */
package io.keyframe.scoring.qa;
