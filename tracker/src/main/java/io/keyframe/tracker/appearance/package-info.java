/** Appearance descriptors computed from frame pixels, used to tell objects of one class apart. */
package io.keyframe.tracker.appearance;
