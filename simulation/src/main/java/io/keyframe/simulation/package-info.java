/**
 * The pre-annotation loop, simulated to measure what the queue is worth: batches of videos with
 * known truth and recorded injected label errors are ranked, the budgeted frames go to a simulated
 * expert who replaces them with the truth, and errors caught plus label quality (IDF1, HOTA vs
 * truth) are recorded for each signal alone, the combined queue, and random sampling.
 */
package io.keyframe.simulation;
