/**
 * HTTP layer: the Javalin app ({@link io.keyframe.report.web.ReportServer}), every route in {@link
 * io.keyframe.report.web.Routes}, access control, request checks, parameter parsing, the view cache
 * with its typed keys, small handlers, and the login, frame and error pages.
 */
package io.keyframe.report.web;
