/**
 * JShell notebooks: {@code .jsh} files whose cells are separated by {@code // %%} lines (Markdown
 * cells by {@code // %% [markdown]}, their lines written as {@code //} comments), run top to bottom
 * against keyframe's own modules, rendered to one HTML page with outputs and the PNG charts the
 * cells write. Runs in the report server's JVM, where Tablesaw, JFreeChart and the Parquet reader
 * live and Spark does not.
 */
package io.keyframe.report.notebook;
