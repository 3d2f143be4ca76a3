/**
 * Pseudonyms for identifiers that may point at a person (video IDs, patient-like IDs, annotator
 * names) and redaction of exports. Pseudonyms are keyed hashes: stable for one key, unlinkable
 * without it; the key lives outside every output folder. Pixels are not de-identified here (see
 * QA.md at the repository root for what keyframe does and does not do for HIPAA/GDPR).
 */
package io.keyframe.dataset.privacy;
