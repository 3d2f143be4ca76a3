/**
 * Pseudonyms for identifiers that may point at a person (video IDs, patient-like IDs, annotator
 * names) and redaction of exports. Pseudonyms are keyed hashes: stable for one key, unlinkable
 * without it; the key lives outside every output folder. DICOM attributes are de-identified by
 * {@code io.keyframe.dataset.deid}; pixels are never de-identified (see QA.md at the repository
 * root for what keyframe does and does not do for HIPAA/GDPR).
 */
package io.keyframe.dataset.privacy;
