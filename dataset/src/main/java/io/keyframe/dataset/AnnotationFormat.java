package io.keyframe.dataset;

import java.util.Locale;

/**
 * The annotation file formats keyframe reads and writes; see dataset/FORMATS.md for the field
 * mapping.
 */
public enum AnnotationFormat {
  /** MOTChallenge text ({@code frame,id,x,y,w,h,conf,...}), 1-based frames. */
  MOT,
  /** CVAT for video 1.1 XML. */
  CVAT_VIDEO,
  /** COCO instances JSON, one image per frame. */
  COCO,
  /**
   * COCO-VID JSON (mmtracking / mmdetection video): COCO with videos, frame ids and instance ids.
   */
  COCO_VID,
  /** YouTube-VIS JSON, one annotation per track. */
  YOUTUBE_VIS,
  /** SA-V (SAM 2) masklet JSON; read only. */
  SAV;

  /** Whether keyframe can write this format: all but SA-V, which it only reads. */
  public boolean writable() {
    return this != SAV;
  }

  /**
   * Parses a user's name for a format: the enum name or a short alias ({@code mot}, {@code cvat},
   * {@code coco}, {@code cocovid}/{@code coco-vid}, {@code ytvis}/{@code youtube-vis}, {@code
   * sav}/{@code sa-v}), any case.
   *
   * @throws IllegalArgumentException naming the accepted names
   */
  public static AnnotationFormat parse(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    return switch (n) {
      case "mot", "motchallenge" -> MOT;
      case "cvat", "cvat-video", "cvat-xml" -> CVAT_VIDEO;
      case "coco" -> COCO;
      case "cocovid", "coco-vid", "coco-video" -> COCO_VID;
      case "ytvis", "youtube-vis", "youtubevis" -> YOUTUBE_VIS;
      case "sav", "sa-v" -> SAV;
      default ->
          throw new IllegalArgumentException(
              "unknown annotation format '"
                  + name
                  + "'; use one of mot, cvat, coco, cocovid, ytvis, sav");
    };
  }
}
