/**
 * Inter-annotator agreement: Cohen's kappa (unweighted, linear, quadratic), Fleiss' kappa,
 * Krippendorff's alpha with missing values, majority-vote consensus, and agreement between two
 * annotators' tracks (objects matched per frame by IoU).
 */
package io.keyframe.metrics.agreement;
