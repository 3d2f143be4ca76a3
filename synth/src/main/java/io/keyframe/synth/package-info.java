/**
 * The synthetic clinic-video generator, keyframe's embedded default data: hospital-room scenes with
 * annotated equipment, people and carts walking in front of it, exact ground truth (boxes, RLE
 * masks of the visible region, visibility, occlusion manifest), simulated human annotators and a
 * simulated detector, each with recorded injected faults. Everything is a pure function of a {@link
 * io.keyframe.synth.GeneratorSpec}, seed included. See {@code synth/SYNTH.md}.
 */
package io.keyframe.synth;
