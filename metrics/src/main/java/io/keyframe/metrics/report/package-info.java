/**
 * Text and JSON renderings of metric results for the CLI's {@code mot-metrics} and {@code
 * agreement} commands; the commands only parse options and call these.
 */
package io.keyframe.metrics.report;
