/** Identity metrics (Ristani et al. 2016): IDF1, IDP, IDR from a global one-to-one ID matching. */
package io.keyframe.metrics.identity;
