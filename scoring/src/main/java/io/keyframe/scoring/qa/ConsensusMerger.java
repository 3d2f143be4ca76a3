package io.keyframe.scoring.qa;

import io.keyframe.dataset.AnnotationSet;
import io.keyframe.dataset.Box;
import io.keyframe.dataset.Detection;
import io.keyframe.dataset.Mask;
import io.keyframe.dataset.Provenance;
import io.keyframe.metrics.agreement.MajorityVote;
import io.keyframe.metrics.agreement.RatingTable;
import io.keyframe.metrics.assignment.LinearAssignment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges two or more annotations of one video into one.
 *
 * <ol>
 *   <li>Per frame, annotators' shapes are grouped into objects: each annotator in turn is matched
 *       to the objects so far by optimal assignment on mean IoU (at least {@code minIou}); unmatched
 *       shapes start new objects. An object holds at most one shape per annotator.
 *   <li>Presence: an object seen by more than half the annotators is kept; by exactly half, kept or
 *       dropped per options and sent to the expert; by fewer, dropped.
 *   <li>Class: majority vote (metrics' {@link MajorityVote}); a tie goes to the expert.
 *   <li>Shape: the mean box of the annotators who agree on the class; their masks by pixel majority
 *       (a pixel is on when at least half of them have it).
 *   <li>Track IDs: each object takes the consensus ID that most of its annotators' track IDs were
 *       given before, unless another object of the frame already has it; otherwise a new ID. No ID
 *       occurs twice in a frame.
 * </ol>
 */
public final class ConsensusMerger {
  private ConsensusMerger() {}

  /** The consensus of {@code sets}, which must all be of the same video by distinct annotators. */
  public static ConsensusResult merge(List<AnnotationSet> sets, ConsensusOptions o) {
    if (sets.size() < 2)
      throw new IllegalArgumentException("consensus needs annotations from at least two annotators, got " + sets.size());
    List<AnnotationSet> in = new ArrayList<>(sets);
    in.sort(Comparator.comparing(s -> s.provenance().source()));
    Set<String> names = new HashSet<>();
    for (AnnotationSet s : in) {
      ObjectMatching.requireSameVideo(in.get(0).video(), s.video());
      if (!names.add(s.provenance().source()))
        throw new IllegalArgumentException("two annotation sets come from the same annotator " + s.provenance().source());
    }
    int n = in.size();
    List<String> annotators = in.stream().map(s -> s.provenance().source()).toList();
    List<Map<Integer, List<Detection>>> byFrame = in.stream().map(AnnotationSet::byFrame).toList();
    TreeSet<Integer> frames = new TreeSet<>();
    byFrame.forEach(m -> frames.addAll(m.keySet()));

    // 1. group shapes into objects per frame
    List<Group> groups = new ArrayList<>();
    LinearAssignment solver = new LinearAssignment();
    for (int f : frames) {
      List<Group> inFrame = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        List<Detection> ds = ObjectMatching.inView(byFrame.get(r).getOrDefault(f, List.of()));
        int g = inFrame.size(), m = ds.size();
        double[] cost = new double[g * m];
        for (int i = 0; i < g; i++)
          for (int j = 0; j < m; j++) {
            double iou = inFrame.get(i).meanIou(ds.get(j));
            cost[i * m + j] = iou >= o.minIou() ? 1 - iou : Double.NaN;
          }
        int[] col = solver.solveAllowingForbidden(cost, g, m);
        boolean[] used = new boolean[m];
        for (int i = 0; i < g; i++)
          if (col[i] >= 0) {
            inFrame.get(i).members[r] = ds.get(col[i]);
            used[col[i]] = true;
          }
        for (int j = 0; j < m; j++)
          if (!used[j]) {
            Group grp = new Group(f, n);
            grp.members[r] = ds.get(j);
            inFrame.add(grp);
          }
      }
      groups.addAll(inFrame);
    }

    // 2. class by majority vote over all groups at once (one rating table: item = group)
    List<String[]> triples = new ArrayList<>();
    for (int gi = 0; gi < groups.size(); gi++)
      for (int r = 0; r < n; r++)
        if (groups.get(gi).members[r] != null) triples.add(new String[] {Integer.toString(gi), annotators.get(r), groups.get(gi).members[r].label()});
    int[] vote = new int[groups.size()];
    boolean[] tied = new boolean[groups.size()];
    List<String> categories = List.of();
    if (!triples.isEmpty()) {
      RatingTable table = RatingTable.fromTriples(triples, null);
      MajorityVote mv = MajorityVote.of(table);
      categories = table.categories();
      // items were added in group order, so item index == group index
      System.arraycopy(mv.consensus(), 0, vote, 0, vote.length);
      System.arraycopy(mv.tied(), 0, tied, 0, tied.length);
    }

    // 3. presence, shape fusion, IDs
    Map<Long, Integer> idOfMember = new HashMap<>();
    int nextId = 1;
    List<Detection> merged = new ArrayList<>();
    List<ConsensusObject> decisions = new ArrayList<>();
    List<ReviewItem> expert = new ArrayList<>();
    String video = in.get(0).video().id();
    int gi = 0;
    while (gi < groups.size()) {
      int frame = groups.get(gi).frame;
      int end = gi;
      while (end < groups.size() && groups.get(end).frame == frame) end++;
      List<Integer> order = new ArrayList<>();
      for (int k = gi; k < end; k++) order.add(k);
      // Well-supported objects claim their IDs first.
      order.sort(Comparator.comparingInt((Integer k) -> -groups.get(k).votes()).thenComparingInt(k -> k));
      Set<Integer> usedIds = new HashSet<>();
      for (int k : order) {
        Group g = groups.get(k);
        String label = categories.get(vote[k]);
        List<String> seen = new ArrayList<>(), agree = new ArrayList<>();
        List<Detection> agreeing = new ArrayList<>();
        for (int r = 0; r < n; r++)
          if (g.members[r] != null) {
            seen.add(annotators.get(r));
            if (g.members[r].label().equals(label)) {
              agree.add(annotators.get(r));
              agreeing.add(g.members[r]);
            }
          }
        int votes = seen.size();
        boolean presenceTie = 2 * votes == n;
        boolean kept = 2 * votes > n || (presenceTie && o.keepPresenceTies());
        String rule;
        if (2 * votes < n) rule = "minority-dropped";
        else if (presenceTie) rule = "presence-tie";
        else if (tied[k]) rule = "class-tie";
        else if (agree.size() == n) rule = "unanimous";
        else rule = "majority";
        List<String> reasons = new ArrayList<>();
        if (presenceTie) reasons.add("presence-tie: seen by " + votes + " of " + n);
        if (tied[k] && votes > 1) reasons.add("class-tie: " + votesText(g, annotators));
        if (!reasons.isEmpty())
          expert.add(new ReviewItem(video, frame, WorkItem.video(video), seen, reasons));
        int id = Detection.UNTRACKED;
        if (kept) {
          id = chooseId(g, idOfMember, usedIds);
          if (id == Detection.UNTRACKED && g.anyTracked()) id = nextId;
          if (id == nextId) nextId++;
          if (id != Detection.UNTRACKED) {
            usedIds.add(id);
            for (int r = 0; r < n; r++)
              if (g.members[r] != null && g.members[r].trackId() != Detection.UNTRACKED)
                idOfMember.put(key(r, g.members[r].trackId()), id);
          }
          merged.add(fuse(frame, id, label, agreeing, (double) votes / n));
        }
        decisions.add(new ConsensusObject(frame, id, label, seen, agree, kept, rule));
      }
      gi = end;
    }

    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (AnnotationSet s : in) labels.addAll(s.labels());
    Provenance prov =
        new Provenance(
            Provenance.Kind.ANNOTATOR,
            "consensus(" + String.join("+", annotators) + ")",
            "",
            null,
            "keyframe consensus: match=iou>=" + o.minIou() + " hungarian; presence=majority"
                + (o.keepPresenceTies() ? " (ties kept)" : " (ties dropped)") + "; class=majority vote; box=mean of agreeing; mask=pixel majority; ids=majority of member ids");
    AnnotationSet out = new AnnotationSet(in.get(0).video(), prov, List.copyOf(labels), merged);
    decisions.sort(Comparator.comparingInt(ConsensusObject::frame).thenComparingInt(ConsensusObject::trackId));
    return new ConsensusResult(out, annotators, decisions, expert);
  }

  private static int chooseId(Group g, Map<Long, Integer> idOfMember, Set<Integer> usedIds) {
    Map<Integer, Integer> tally = new HashMap<>();
    for (int r = 0; r < g.members.length; r++) {
      Detection d = g.members[r];
      if (d == null || d.trackId() == Detection.UNTRACKED) continue;
      Integer prior = idOfMember.get(key(r, d.trackId()));
      if (prior != null && !usedIds.contains(prior)) tally.merge(prior, 1, Integer::sum);
    }
    int best = Detection.UNTRACKED, bestVotes = 0;
    for (var e : tally.entrySet())
      if (e.getValue() > bestVotes || (e.getValue() == bestVotes && e.getKey() < best)) {
        best = e.getKey();
        bestVotes = e.getValue();
      }
    return best;
  }

  private static long key(int rater, int trackId) {
    return ((long) rater << 32) | (trackId & 0xffffffffL);
  }

  private static String votesText(Group g, List<String> annotators) {
    List<String> parts = new ArrayList<>();
    for (int r = 0; r < g.members.length; r++) if (g.members[r] != null) parts.add(annotators.get(r) + "=" + g.members[r].label());
    return String.join(" ", parts);
  }

  private static Detection fuse(int frame, int id, String label, List<Detection> agreeing, double support) {
    double x = 0, y = 0, x2 = 0, y2 = 0;
    int occluded = 0;
    List<Mask> masks = new ArrayList<>();
    for (Detection d : agreeing) {
      Box b = d.boxOrMaskBox();
      x += b.x();
      y += b.y();
      x2 += b.x2();
      y2 += b.y2();
      if (d.occluded()) occluded++;
      if (d.mask() != null) masks.add(d.mask());
    }
    int k = agreeing.size();
    Box box = Box.fromCorners(x / k, y / k, x2 / k, y2 / k);
    Mask mask = masks.isEmpty() ? null : pixelMajority(masks);
    Detection d = Detection.of(frame, id, label, box).withScore(support).withFlags(2 * occluded > k, false, false);
    return mask == null ? d : d.withMask(mask);
  }

  /** A pixel is on when at least half of the masks have it (the union for two, majority for three). */
  static Mask pixelMajority(List<Mask> masks) {
    int h = masks.get(0).height(), w = masks.get(0).width();
    int[] count = new int[h * w];
    for (Mask m : masks) {
      if (m.height() != h || m.width() != w) throw new IllegalArgumentException("masks of different sizes cannot be fused");
      // Walk the RLE runs directly: no per-pixel boolean array per mask.
      int pos = 0;
      for (int i = 0; i < m.runCount(); i++) {
        int len = m.run(i);
        if ((i & 1) == 1) for (int p = pos; p < pos + len; p++) count[p]++;
        pos += len;
      }
    }
    boolean[] on = new boolean[h * w];
    for (int p = 0; p < on.length; p++) on[p] = 2 * count[p] >= masks.size();
    return Mask.fromColumnMajor(h, w, on);
  }

  /** Shapes of one object in one frame, at most one per annotator. */
  private static final class Group {
    final int frame;
    final Detection[] members;

    Group(int frame, int n) {
      this.frame = frame;
      this.members = new Detection[n];
    }

    double meanIou(Detection d) {
      double sum = 0;
      int k = 0;
      for (Detection m : members)
        if (m != null) {
          sum += ObjectMatching.iou(m, d);
          k++;
        }
      return k == 0 ? 0 : sum / k;
    }

    int votes() {
      int k = 0;
      for (Detection m : members) if (m != null) k++;
      return k;
    }

    boolean anyTracked() {
      for (Detection m : members) if (m != null && m.trackId() != Detection.UNTRACKED) return true;
      return false;
    }
  }
}
