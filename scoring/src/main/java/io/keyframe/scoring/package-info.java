/**
 * Acquisition scoring: which frames and spans of frames an expert should label next. Signals live
 * in {@code signal}, the budgeted, explained queue and the QA spot-check sample in {@code queue},
 * and the pre-annotation loop that measures the queue's value against random sampling in {@code
 * simulation}.
 */
package io.keyframe.scoring;
