/**
 * MOTChallenge text files: ground truth ({@code frame,id,x,y,w,h,conf,class,visibility}) and
 * results/detections ({@code frame,id,x,y,w,h,conf,-1,-1,-1}). Frames are 1-based in files and
 * 0-based in keyframe. Reading is line by line; writing is atomic.
 */
package io.keyframe.dataset.mot;
