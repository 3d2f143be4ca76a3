/**
 * CVAT 1.1 XML, for video (tracks of boxes, masks and polygons with outside/occluded/keyframe
 * flags, video frame numbers under {@code start_frame}/{@code frame_filter}) and for images
 * (per-image sizes, project exports with several subsets). Read with StAX so that long videos
 * stream; written with {@code XMLStreamWriter}, atomically. CVAT's mask RLE (row-major, inside the
 * mask's own box) is converted exactly to and from keyframe's COCO RLE; polygons are rasterised as
 * pycocotools does.
 */
package io.keyframe.dataset.cvat;
