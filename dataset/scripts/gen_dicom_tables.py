#!/usr/bin/env python3
"""Regenerates the two DICOM tables keyframe ships as data, from innolitics/dicom-standard (MIT),
which parses the DICOM standard's own tables (edition 2024e at commit 7f4749d):

  standard/attributes.json                    -> frames/dicom/dictionary.tsv (tag, VR) from PS3.6 Table 6-1
  standard/confidentiality_profile_attributes.json -> deid/annex-e-2024e.tsv from PS3.15 Table E.1-1

Usage: gen_dicom_tables.py <dicom-standard checkout>/standard <dataset/src/main/resources/io/keyframe/dataset>
"""
import json, os, re, sys

src, dst = sys.argv[1], sys.argv[2]
attrs = json.load(open(os.path.join(src, "attributes.json")))
with open(os.path.join(dst, "frames/dicom/dictionary.tsv"), "w") as out:
    out.write("# tag\tVR (first of 'US or SS'-style alternatives); PS3.6 2024e via innolitics/dicom-standard\n")
    for a in attrs:
        tag = a["tag"].strip("()").replace(",", "").upper()
        vr = a["valueRepresentation"].split(" ")[0]
        if len(tag) != 8 or not vr or vr == "See":
            continue
        out.write(f"{tag}\t{vr}\n")

options = ["rtnSafePrivOpt", "rtnUIDsOpt", "rtnDevIdOpt", "rtnInstIdOpt", "rtnPatCharsOpt",
           "rtnLongFullDatesOpt", "rtnLongModifDatesOpt", "cleanDescOpt", "cleanStructContOpt", "cleanGraphOpt"]
prof = json.load(open(os.path.join(src, "confidentiality_profile_attributes.json")))
with open(os.path.join(dst, "deid/annex-e-2024e.tsv"), "w") as out:
    out.write("# DICOM PS3.15 2024e Table E.1-1 (Basic Application Level Confidentiality Profile and options),\n")
    out.write("# via innolitics/dicom-standard standard/confidentiality_profile_attributes.json; x = any hex digit\n")
    out.write("tag\tbasic\t" + "\t".join(options) + "\tname\n")
    for p in sorted(prof, key=lambda p: p["id"]):
        tag = p["tag"].strip("()").replace(",", "").upper().replace("X", "x")
        if not re.fullmatch("[0-9A-Fx]{8}", tag):
            continue  # the private-attributes row: keyframe handles odd groups in code
        out.write(tag + "\t" + p["basicProfile"] + "\t" + "\t".join(p.get(o, "") for o in options) + "\t" + " ".join(p["name"].split()) + "\n")
