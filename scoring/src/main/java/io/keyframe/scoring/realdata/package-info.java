/**
 * The queue on real data: MOTChallenge training sequences in TrackEval's data layout, a real
 * tracker's output taken as the delivered pre-annotations, its real errors (false positives,
 * misses, ID switches per frame, counted against the real ground truth as py-motmetrics counts
 * them) and how many of them the budgeted queue, random frames and an oracle put in front of an
 * expert.
 */
package io.keyframe.scoring.realdata;
