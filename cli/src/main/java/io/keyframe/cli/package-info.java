/**
 * The picocli entry point behind {@code ./keyframe}: one small command class per subcommand, each a
 * thin wrapper over a module's API. Bad input ends with exit code 2 and one message naming file,
 * line or frame, and field.
 */
package io.keyframe.cli;
