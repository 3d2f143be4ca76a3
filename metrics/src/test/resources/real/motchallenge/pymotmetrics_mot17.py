# py-motmetrics' eval_motchallenge rules (gt loaded with min_confidence=1, tracker as is, IoU distth 0.5)
# on MOT17-05/09-DPM and MPNTrack; writes py-motmetrics' motchallenge metrics per sequence as CSV.
# Usage: python3 pymot_mot17.py <py-motmetrics source dir> <TrackEval data dir> > pymotmetrics_mot17.csv
import sys
import numpy as np
np.float = float  # older py-motmetrics on numpy >= 1.24
np.int = int
np.bool = bool
sys.path.insert(0, sys.argv[1])
import motmetrics as mm
root = sys.argv[2]
names, accs = [], []
for seq in ['MOT17-05-DPM', 'MOT17-09-DPM']:
    gt = mm.io.loadtxt(f'{root}/gt/mot_challenge/MOT17-train/{seq}/gt/gt.txt', fmt='mot15-2D', min_confidence=1)
    ts = mm.io.loadtxt(f'{root}/trackers/mot_challenge/MOT17-train/MPNTrack/data/{seq}.txt', fmt='mot15-2D')
    accs.append(mm.utils.compare_to_groundtruth(gt, ts, 'iou', distth=0.5))
    names.append(seq)
mh = mm.metrics.create()
summary = mh.compute_many(accs, names=names, metrics=mm.metrics.motchallenge_metrics + ['num_objects', 'num_predictions'],
                          generate_overall=True)
print(summary.to_csv(float_format='%.10f'), end='')
