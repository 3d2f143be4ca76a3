package io.keyframe.metrics.vos;

import io.keyframe.metrics.RefData;
import org.junit.jupiter.api.Test;

class SavProbe {
  @Test
  void probe() {
    long t0 = System.nanoTime();
    Masklets man = Masklets.readSav(RefData.root().resolve("sav/sav_000001_manual.json"));
    Masklets auto = Masklets.readSav(RefData.root().resolve("sav/sav_000001_auto.json"));
    System.out.println("read " + (System.nanoTime() - t0) / 1e6 + " ms");
    t0 = System.nanoTime();
    for (int k = 0; k < 60; k++) BoundaryF.of(man.masks()[k][1], auto.masks()[k][3]);
    System.out.println("60 F " + (System.nanoTime() - t0) / 1e6 + " ms");
    t0 = System.nanoTime();
    MaskletMatching.Result r = new MaskletMatching(0.0, JAndF.semiSupervised()).match(man, auto);
    System.out.println(man.height() + "x" + man.width() + " frames " + man.frames());
    for (var p : r.pairs()) System.out.println(p);
    System.out.println("unmatched " + r.unmatchedReference() + " " + r.unmatchedOther() + " " + r.meanJF());
    System.out.println((System.nanoTime() - t0) / 1e6 + " ms");
  }
}
