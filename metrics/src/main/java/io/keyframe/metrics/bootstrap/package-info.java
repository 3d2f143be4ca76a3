/** Percentile bootstrap confidence intervals with a fixed seed, resampling items. */
package io.keyframe.metrics.bootstrap;
