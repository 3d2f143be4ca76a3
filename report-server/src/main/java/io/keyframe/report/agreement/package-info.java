/**
 * QA reviewer page: inter-annotator agreement with CIs, confusion heat map, ID-switch timelines,
 * spot-check sample and audit trail.
 */
package io.keyframe.report.agreement;
