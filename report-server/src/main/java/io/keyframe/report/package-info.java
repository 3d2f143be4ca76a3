/** The keyframe report server: entry point ({@link io.keyframe.report.ReportServerMain}). */
package io.keyframe.report;
