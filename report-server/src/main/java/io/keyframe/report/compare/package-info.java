/** ML engineer page: model A vs B metrics per class and video with delta CIs, and worst frames. */
package io.keyframe.report.compare;
