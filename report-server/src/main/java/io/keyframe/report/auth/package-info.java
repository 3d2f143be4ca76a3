/** Bearer tokens (hashed), login sessions and the role model viewer / reviewer / admin. */
package io.keyframe.report.auth;
