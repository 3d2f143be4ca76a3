/**
 * De-identification of DICOM on ingest: DICOM PS3.15 Annex E Basic Application Level
 * Confidentiality Profile (Table E.1-1 shipped as data) with its date, patient-characteristics,
 * device, institution and safe-private options. Pixels are never changed; QA.md says exactly what
 * is and is not de-identified.
 */
package io.keyframe.dataset.deid;
