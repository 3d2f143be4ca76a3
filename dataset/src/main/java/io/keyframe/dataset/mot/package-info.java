/**
 * MOTChallenge text files: MOT16+ ground truth ({@code frame,id,x,y,w,h,conf,class,visibility}),
 * MOT15-2D ({@code ...,conf,wx,wy,wz}, world coordinates) and results/detections ({@code
 * ...,conf,-1,-1,-1}), with {@code seqinfo.ini} (any subset of its keys) and the {@code labels.txt}
 * class list CVAT and Datumaro export. Frames are 1-based in files and 0-based in keyframe. Reading
 * is line by line; writing is atomic.
 */
package io.keyframe.dataset.mot;
