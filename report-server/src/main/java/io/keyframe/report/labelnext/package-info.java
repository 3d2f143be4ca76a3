/**
 * "Label next" page: the budgeted expert queue with reasons, thumbnails, filters and CSV export.
 */
package io.keyframe.report.labelnext;
