/**
 * The customer's own detector as a pre-annotator: an ONNX model loaded through DJL's ONNX Runtime
 * engine, one {@link ai.djl.translate.Translator} per output layout (DETR-style
 * labels/boxes/scores, YOLOX raw head), a mapping from model classes to project classes, and the
 * model file's SHA-256 in every output's provenance. Nothing is downloaded at run time.
 */
package io.keyframe.tracker.detector;
