/**
 * HTTP layer: the Javalin app, routes, access control, HTML frame, CSV and the entry point's
 * server.
 */
package io.keyframe.report.web;
