/**
 * How pages become HTML: {@link io.keyframe.report.html.Templates} renders the jte templates under
 * {@code src/main/jte} (escaping by default); {@link io.keyframe.report.html.Html} holds the number
 * formats, the stylesheet, and the escaping helpers of the pages still built in Java.
 */
package io.keyframe.report.html;
