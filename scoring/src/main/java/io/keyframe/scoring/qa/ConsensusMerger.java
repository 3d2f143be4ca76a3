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
 *       to the objects so far by optimal assignment on mean IoU (at least {@code minIou});
 *       unmatched shapes start new objects. An object holds at most one shape per annotator.
 *   <li>Presence: an object seen by more than half the annotators is kept; by exactly half, kept or
 *       dropped per options and sent to the expert; by fewer, dropped.
 *   <li>Class: majority vote (metrics' {@link MajorityVote}) of the annotators, once per consensus
 *       track (each annotator votes with its most frequent label on the track), since objects do
 *       not change class; per frame for untracked objects. A tie goes to the expert.
 *   <li>Shape: the mean (or median, per options) box of the annotators who agree on the class;
 *       their masks by pixel majority (a pixel is on when at least half of them have it).
 *   <li>Track IDs: each object takes the consensus ID that most of its annotators' track IDs were
 *       given before, unless another object of the frame already has it; otherwise a new ID. No ID
 *       occurs twice in a frame.
 * </ol>
 */
public final class ConsensusMerger {
  private ConsensusMerger() {}

  /** The consensus of {@code sets}, which must all be of the same video by distinct annotators. */
  public static ConsensusResult merge(List<AnnotationSet> sets, ConsensusOptions o) {
    List<AnnotationSet> in = sortedByAnnotator(sets);
    List<String> annotators = in.stream().map(s -> s.provenance().source()).toList();
    List<Group> groups = groupShapesIntoObjects(in, o.minIou());
    Identities ids = decidePresenceAndTrackIds(groups, in.size(), o.keepPresenceTies());
    ClassVotes classes = voteClassPerTrack(groups, ids.trackOf(), annotators);
    Decisions d =
        fuseShapesAndRecordDecisions(in.get(0).video().id(), groups, ids, classes, annotators, o);

    LinkedHashSet<String> labels = new LinkedHashSet<>();
    for (AnnotationSet s : in) labels.addAll(s.labels());
    AnnotationSet out =
        new AnnotationSet(
            in.get(0).video(), provenance(annotators, o), List.copyOf(labels), d.merged());
    List<ConsensusObject> decisions = new ArrayList<>(d.objects());
    decisions.sort(
        Comparator.comparingInt(ConsensusObject::frame).thenComparingInt(ConsensusObject::trackId));
    return new ConsensusResult(out, annotators, decisions, d.expert());
  }

  /**
   * Checks that the sets are at least two, of one video, by distinct annotators, and orders them by
   * annotator so that the result does not depend on the order they were given in.
   */
  private static List<AnnotationSet> sortedByAnnotator(List<AnnotationSet> sets) {
    if (sets.size() < 2)
      throw new IllegalArgumentException(
          "consensus needs annotations from at least two annotators, got " + sets.size());
    List<AnnotationSet> in = new ArrayList<>(sets);
    in.sort(Comparator.comparing(s -> s.provenance().source()));
    Set<String> names = new HashSet<>();
    for (AnnotationSet s : in) {
      ObjectMatching.requireSameVideo(in.get(0).video(), s.video());
      if (!names.add(s.provenance().source()))
        throw new IllegalArgumentException(
            "two annotation sets come from the same annotator " + s.provenance().source());
    }
    return in;
  }

  /** Step 1: per frame, the annotators' shapes grouped into objects, frame by frame in order. */
  private static List<Group> groupShapesIntoObjects(List<AnnotationSet> in, double minIou) {
    int n = in.size();
    List<Map<Integer, List<Detection>>> byFrame = in.stream().map(AnnotationSet::byFrame).toList();
    TreeSet<Integer> frames = new TreeSet<>();
    byFrame.forEach(m -> frames.addAll(m.keySet()));
    List<Group> groups = new ArrayList<>();
    LinearAssignment solver = new LinearAssignment();
    for (int f : frames) {
      List<Group> inFrame = new ArrayList<>();
      for (int r = 0; r < n; r++) {
        List<Detection> ds = ObjectMatching.inView(byFrame.get(r).getOrDefault(f, List.of()));
        addAnnotatorToObjects(inFrame, f, r, n, ds, minIou, solver);
      }
      groups.addAll(inFrame);
    }
    return groups;
  }

  /**
   * Matches annotator {@code r}'s shapes of frame {@code f} to the frame's objects so far by
   * optimal assignment on mean IoU (at least {@code minIou}); unmatched shapes start new objects.
   */
  private static void addAnnotatorToObjects(
      List<Group> inFrame,
      int f,
      int r,
      int n,
      List<Detection> ds,
      double minIou,
      LinearAssignment solver) {
    int g = inFrame.size(), m = ds.size();
    double[] cost = new double[g * m];
    for (int i = 0; i < g; i++)
      for (int j = 0; j < m; j++) {
        double iou = inFrame.get(i).meanIou(ds.get(j));
        cost[i * m + j] = iou >= minIou ? 1 - iou : Double.NaN;
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

  /** Per object (index into the groups): kept or not, and its consensus track ID. */
  private record Identities(boolean[] kept, int[] trackOf) {}

  /** Step 2: presence and track IDs, frame by frame. */
  private static Identities decidePresenceAndTrackIds(
      List<Group> groups, int n, boolean keepPresenceTies) {
    int[] trackOf = new int[groups.size()];
    boolean[] kept = new boolean[groups.size()];
    Map<Long, Integer> idOfMember = new HashMap<>();
    int nextId = 1;
    for (int gi = 0, end; gi < groups.size(); gi = end) {
      int frame = groups.get(gi).frame;
      end = gi;
      while (end < groups.size() && groups.get(end).frame == frame) end++;
      nextId =
          assignIdsInFrame(groups, gi, end, n, keepPresenceTies, kept, trackOf, idOfMember, nextId);
    }
    return new Identities(kept, trackOf);
  }

  /**
   * Presence and IDs of the objects {@code [from, to)} of one frame; {@code idOfMember} carries the
   * consensus ID each annotator's track was given so far. Returns the next new ID.
   */
  private static int assignIdsInFrame(
      List<Group> groups,
      int from,
      int to,
      int n,
      boolean keepPresenceTies,
      boolean[] kept,
      int[] trackOf,
      Map<Long, Integer> idOfMember,
      int nextId) {
    List<Integer> order = new ArrayList<>();
    for (int k = from; k < to; k++) order.add(k);
    // Well-supported objects claim their IDs first.
    order.sort(
        Comparator.comparingInt((Integer k) -> -groups.get(k).votes()).thenComparingInt(k -> k));
    Set<Integer> usedIds = new HashSet<>();
    for (int k : order) {
      Group g = groups.get(k);
      int votes = g.votes();
      kept[k] = 2 * votes > n || (2 * votes == n && keepPresenceTies);
      trackOf[k] = Detection.UNTRACKED;
      if (!kept[k]) continue;
      int id = chooseId(g, idOfMember, usedIds);
      if (id == Detection.UNTRACKED && g.anyTracked()) id = nextId++;
      if (id == Detection.UNTRACKED) continue;
      trackOf[k] = id;
      usedIds.add(id);
      for (int r = 0; r < n; r++)
        if (g.members[r] != null && g.members[r].trackId() != Detection.UNTRACKED)
          idOfMember.put(key(r, g.members[r].trackId()), id);
    }
    return nextId;
  }

  /**
   * The class vote: objects are grouped into items (a consensus track, or one untracked or dropped
   * object in one frame); per item, each annotator's label counts, the winning label and whether
   * the vote tied.
   */
  private record ClassVotes(
      int[] itemOfGroup,
      List<Map<String, Integer>[]> labelCounts,
      String[] itemLabel,
      boolean[] itemTied) {}

  /**
   * Step 3: class by majority vote (metrics' MajorityVote). An object does not change class, so a
   * tracked object is voted on once for its whole track: each annotator's most frequent label on it
   * is one vote. Untracked or dropped objects are voted on per frame.
   */
  private static ClassVotes voteClassPerTrack(
      List<Group> groups, int[] trackOf, List<String> annotators) {
    int n = annotators.size();
    Map<String, Integer> itemOf = new HashMap<>();
    int[] itemOfGroup = new int[groups.size()];
    List<Map<String, Integer>[]> labelCounts = new ArrayList<>();
    for (int k = 0; k < groups.size(); k++) {
      String itemKey = trackOf[k] != Detection.UNTRACKED ? "t" + trackOf[k] : "g" + k;
      Integer item = itemOf.get(itemKey);
      if (item == null) {
        item = labelCounts.size();
        itemOf.put(itemKey, item);
        @SuppressWarnings("unchecked")
        Map<String, Integer>[] perRater = new Map[n];
        labelCounts.add(perRater);
      }
      itemOfGroup[k] = item;
      for (int r = 0; r < n; r++) {
        Detection d = groups.get(k).members[r];
        if (d == null) continue;
        Map<String, Integer>[] perRater = labelCounts.get(item);
        if (perRater[r] == null) perRater[r] = new java.util.TreeMap<>();
        perRater[r].merge(d.label(), 1, Integer::sum);
      }
    }
    String[] itemLabel = new String[labelCounts.size()];
    boolean[] itemTied = new boolean[labelCounts.size()];
    majorityVoteOfTopLabels(labelCounts, annotators, itemLabel, itemTied);
    return new ClassVotes(itemOfGroup, labelCounts, itemLabel, itemTied);
  }

  /**
   * Each annotator votes per item with its most frequent label there; fills the items' winning
   * labels and ties from {@link MajorityVote}.
   */
  private static void majorityVoteOfTopLabels(
      List<Map<String, Integer>[]> labelCounts,
      List<String> annotators,
      String[] itemLabel,
      boolean[] itemTied) {
    List<String[]> triples = new ArrayList<>();
    for (int item = 0; item < labelCounts.size(); item++)
      for (int r = 0; r < annotators.size(); r++) {
        Map<String, Integer> c = labelCounts.get(item)[r];
        if (c == null) continue;
        // TreeMap order makes the annotator's own tie-break alphabetical, hence deterministic.
        String top =
            c.entrySet().stream()
                .max(Map.Entry.<String, Integer>comparingByValue())
                .orElseThrow()
                .getKey();
        triples.add(new String[] {Integer.toString(item), annotators.get(r), top});
      }
    if (triples.isEmpty()) return;
    RatingTable table = RatingTable.fromTriples(triples, null);
    MajorityVote mv = MajorityVote.of(table);
    for (int i = 0; i < table.items().size(); i++) {
      int item = Integer.parseInt(table.items().get(i));
      itemLabel[item] = table.categories().get(mv.consensus(i));
      itemTied[item] = mv.tied(i);
    }
  }

  /** What step 4 yields: fused shapes, one decision per object and frame, the expert list. */
  private record Decisions(
      List<Detection> merged, List<ConsensusObject> objects, List<ReviewItem> expert) {}

  /** Step 4: shape fusion, the decision behind every object, and the expert list. */
  private static Decisions fuseShapesAndRecordDecisions(
      String video,
      List<Group> groups,
      Identities ids,
      ClassVotes classes,
      List<String> annotators,
      ConsensusOptions o) {
    int n = annotators.size();
    boolean[] kept = ids.kept();
    int[] trackOf = ids.trackOf();
    List<Detection> merged = new ArrayList<>();
    List<ConsensusObject> decisions = new ArrayList<>();
    List<ReviewItem> expert = new ArrayList<>();
    Set<Integer> tieReported = new HashSet<>();
    for (int k = 0; k < groups.size(); k++) {
      Group g = groups.get(k);
      int frame = g.frame;
      int item = classes.itemOfGroup()[k];
      String label = classes.itemLabel()[item];
      boolean classTie = classes.itemTied()[item];
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
      List<String> reasons = new ArrayList<>();
      if (presenceTie) reasons.add("presence-tie: seen by " + votes + " of " + n);
      // A track's class tie is one question for the expert, asked at its first frame.
      if (classTie && kept[k] && tieReported.add(item))
        reasons.add(
            "class-tie"
                + (trackOf[k] != Detection.UNTRACKED ? " on track " + trackOf[k] : "")
                + ": "
                + votesText(classes.labelCounts().get(item), annotators));
      if (!reasons.isEmpty())
        expert.add(new ReviewItem(video, frame, WorkItem.video(video), seen, reasons));
      if (kept[k]) {
        // With a class tie nobody may agree on the frame's label; fuse all shapes then.
        List<Detection> shapes = agreeing.isEmpty() ? g.present() : agreeing;
        merged.add(fuse(frame, trackOf[k], label, shapes, (double) votes / n, o.boxFusion()));
      }
      String rule = ruleName(votes, n, classTie, agree.size());
      decisions.add(new ConsensusObject(frame, trackOf[k], label, seen, agree, kept[k], rule));
    }
    return new Decisions(merged, decisions, expert);
  }

  /** The rule that decided an object seen by {@code votes} of {@code n} annotators. */
  private static String ruleName(int votes, int n, boolean classTie, int agreeing) {
    if (2 * votes < n) return "minority-dropped";
    if (2 * votes == n) return "presence-tie";
    if (classTie) return "class-tie";
    if (agreeing == n) return "unanimous";
    return "majority";
  }

  /** The merged set's provenance: the annotators and every rule with its parameters. */
  private static Provenance provenance(List<String> annotators, ConsensusOptions o) {
    return new Provenance(
        Provenance.Kind.ANNOTATOR,
        "consensus(" + String.join("+", annotators) + ")",
        "",
        null,
        "keyframe consensus: match=iou>="
            + o.minIou()
            + " hungarian; presence=majority"
            + (o.keepPresenceTies() ? " (ties kept)" : " (ties dropped)")
            + "; class=majority vote per track; box="
            + o.boxFusion().name().toLowerCase(java.util.Locale.ROOT)
            + " of agreeing; mask=pixel majority; ids=majority of member ids");
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

  private static String votesText(Map<String, Integer>[] perRater, List<String> annotators) {
    List<String> parts = new ArrayList<>();
    for (int r = 0; r < perRater.length; r++)
      if (perRater[r] != null)
        parts.add(annotators.get(r) + "=" + String.join("/", perRater[r].keySet()));
    return String.join(" ", parts);
  }

  private static Detection fuse(
      int frame,
      int id,
      String label,
      List<Detection> agreeing,
      double support,
      ConsensusOptions.BoxFusion rule) {
    int k = agreeing.size();
    double[] x1 = new double[k], y1 = new double[k], x2 = new double[k], y2 = new double[k];
    int occluded = 0;
    List<Mask> masks = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Detection d = agreeing.get(i);
      Box b = d.boxOrMaskBox();
      x1[i] = b.x();
      y1[i] = b.y();
      x2[i] = b.x2();
      y2[i] = b.y2();
      if (d.occluded()) occluded++;
      if (d.mask() != null) masks.add(d.mask());
    }
    Box box =
        Box.fromCorners(centre(x1, rule), centre(y1, rule), centre(x2, rule), centre(y2, rule));
    Mask mask = masks.isEmpty() ? null : pixelMajority(masks);
    Detection d =
        Detection.of(frame, id, label, box)
            .withScore(support)
            .withFlags(2 * occluded > k, false, false);
    return mask == null ? d : d.withMask(mask);
  }

  private static double centre(double[] v, ConsensusOptions.BoxFusion rule) {
    if (rule == ConsensusOptions.BoxFusion.MEAN) {
      double s = 0;
      for (double x : v) s += x;
      return s / v.length;
    }
    double[] c = v.clone();
    java.util.Arrays.sort(c);
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : (c[m - 1] + c[m]) / 2;
  }

  /**
   * A pixel is on when at least half of the masks have it (the union for two, majority for three).
   * Works on the RLE runs by sweeping their on/off boundaries, never on a per-pixel array.
   */
  static Mask pixelMajority(List<Mask> masks) {
    int h = masks.get(0).height(), w = masks.get(0).width();
    int events = 0;
    for (Mask m : masks) {
      if (m.height() != h || m.width() != w)
        throw new IllegalArgumentException("masks of different sizes cannot be fused");
      events += m.runCount() + 1;
    }
    // Each boundary packed as position * 2 + (0 = turn off, 1 = turn on); off sorts first at a tie.
    long[] ev = new long[events];
    int e = 0;
    for (Mask m : masks) {
      long pos = 0;
      for (int i = 0; i < m.runCount(); i++) {
        int len = m.run(i);
        if ((i & 1) == 1 && len > 0) {
          ev[e++] = pos * 2 + 1;
          ev[e++] = (pos + len) * 2;
        }
        pos += len;
      }
    }
    java.util.Arrays.sort(ev, 0, e);
    int need = (masks.size() + 1) / 2; // at least half
    List<Integer> counts = new ArrayList<>();
    long total = (long) h * w, last = 0;
    boolean on = false;
    int count = 0;
    for (int i = 0; i < e; ) {
      long pos = ev[i] >> 1;
      while (i < e && (ev[i] >> 1) == pos) count += (ev[i++] & 1) == 1 ? 1 : -1;
      boolean nowOn = count >= need;
      if (nowOn != on) {
        counts.add((int) (pos - last));
        last = pos;
        on = nowOn;
      }
    }
    counts.add((int) (total - last));
    return new Mask(h, w, counts.stream().mapToInt(Integer::intValue).toArray());
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

    List<Detection> present() {
      List<Detection> out = new ArrayList<>();
      for (Detection m : members) if (m != null) out.add(m);
      return out;
    }

    boolean anyTracked() {
      for (Detection m : members) if (m != null && m.trackId() != Detection.UNTRACKED) return true;
      return false;
    }
  }
}
