/**
 * CVAT for video 1.1 XML: tracks of boxes and masks with outside/occluded/keyframe flags. Read with
 * StAX so that long videos stream; written with {@code XMLStreamWriter}, atomically. CVAT's mask RLE
 * (row-major, inside the mask's own box) is converted exactly to and from keyframe's COCO RLE.
 */
package io.keyframe.dataset.cvat;
