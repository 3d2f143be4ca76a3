# Writes TrackEval's own pedestrian_detailed.csv for MPNTrack on two MOT15 training sequences.
# Run from a folder holding TrackEval's data layout (data/gt/mot_challenge/MOT15-train/<seq>/...,
# data/trackers/mot_challenge/MOT15-train/MPNTrack/data/<seq>.txt) with TrackEval's code on sys.path.
import sys
import numpy as np
np.float = float  # TrackEval predates numpy 1.24
np.int = int
sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else '/work/shared/bench-refs/TrackEval')
import trackeval

evaluator = trackeval.Evaluator({'USE_PARALLEL': False, 'PRINT_CONFIG': False, 'PLOT_CURVES': False,
                                 'OUTPUT_SUMMARY': False, 'OUTPUT_DETAILED': True})
dataset = trackeval.datasets.MotChallenge2DBox({
    'GT_FOLDER': 'data/gt/mot_challenge', 'TRACKERS_FOLDER': 'data/trackers/mot_challenge',
    'BENCHMARK': 'MOT15', 'SEQ_INFO': {'KITTI-17': None, 'TUD-Stadtmitte': None},
    'TRACKERS_TO_EVAL': ['MPNTrack'], 'PRINT_CONFIG': False})
evaluator.evaluate([dataset], [trackeval.metrics.HOTA(), trackeval.metrics.CLEAR(), trackeval.metrics.Identity()])
