/** Escaping and the shared page frame for the server-rendered HTML. */
package io.keyframe.report.html;
