/** Batch overview page: videos, frames, objects, job throughput and effort saved per batch. */
package io.keyframe.report.overview;
