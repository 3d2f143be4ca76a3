package io.keyframe.dataset.coco;

/** The JSON annotation layouts this package reads. */
public enum JsonDialect {
  /**
   * COCO instances: {@code images[]}, {@code annotations[]} with {@code segmentation}/{@code bbox},
   * {@code categories[]}.
   */
  COCO,
  /**
   * COCO-VID (mmtracking, mmdetection video datasets): COCO plus {@code videos[]}, images with
   * {@code video_id}/{@code frame_id}, annotations with {@code instance_id}.
   */
  COCO_VID,
  /**
   * YouTube-VIS: {@code videos[]}, per-track {@code annotations[]} with {@code
   * segmentations}/{@code bboxes} per frame.
   */
  YOUTUBE_VIS,
  /**
   * SA-V (SAM 2): {@code masklet[frame][object]} compressed RLE, annotated every 4th frame. Read
   * only.
   */
  SAV
}
