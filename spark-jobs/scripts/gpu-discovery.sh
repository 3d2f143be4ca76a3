#!/usr/bin/env bash
# Spark GPU discovery script for keyframe's SAM 2 track job on GPU executors.
#
# Spark runs it on each executor (spark.executor.resource.gpu.discoveryScript) and reads one JSON
# object from stdout naming the GPUs it may hand to tasks:  {"name":"gpu","addresses":["0","1"]}
# The addresses are nvidia-smi's GPU indices, which are also CUDA's device ordinals when
# CUDA_VISIBLE_DEVICES is unset (set CUDA_DEVICE_ORDER=PCI_BUS_ID to make the two orders agree).
set -euo pipefail
if ! command -v nvidia-smi >/dev/null 2>&1; then
  echo "gpu-discovery: nvidia-smi not found on PATH; this executor has no NVIDIA driver" >&2
  exit 1
fi
indices=$(nvidia-smi --query-gpu=index --format=csv,noheader)
addresses=""
for i in $indices; do
  case "$i" in
    ''|*[!0-9]*) echo "gpu-discovery: nvidia-smi printed a GPU index that is not a number: '$i'" >&2; exit 1 ;;
  esac
  addresses="${addresses:+$addresses,}\"$i\""
done
printf '{"name":"gpu","addresses":[%s]}\n' "$addresses"
