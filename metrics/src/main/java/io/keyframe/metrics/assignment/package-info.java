/**
 * Optimal one-to-one assignment on rectangular cost matrices, as the reference evaluators solve it.
 */
package io.keyframe.metrics.assignment;
