package io.keyframe.dataset.privacy;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable short pseudonyms by keyed hash: {@code <prefix>-<first 8 hex of HMAC-SHA256(key,
 * kind:id)>}, e.g. {@code vid-3f9a2c1b}. The kind is part of the hashed text so that a video and an
 * annotator with the same raw ID get unrelated pseudonyms. Eight hex digits (32 bits) keep
 * collisions unlikely below tens of thousands of IDs per kind; {@link #fullHash} gives all 64 where
 * that is not enough. HMAC: RFC 2104 (Krawczyk, Bellare, Canetti, 1997).
 */
public final class Pseudonymiser {
  /** What an identifier names; decides the prefix. */
  public enum Kind {
    VIDEO("vid", "video"),
    PATIENT("pat", "patient"),
    ANNOTATOR("ann", "annotator"),
    SITE("site", "site");

    private final String prefix;
    private final String domain;

    Kind(String prefix, String domain) {
      this.prefix = prefix;
      this.domain = domain;
    }
  }

  private static final Pattern PSEUDONYM = Pattern.compile("(vid|pat|ann|site)-[0-9a-f]{8}");

  private final SecretKeySpec key;

  public Pseudonymiser(PseudonymKey key) {
    Objects.requireNonNull(key, "key");
    this.key = new SecretKeySpec(key.secret(), "HmacSHA256");
  }

  /**
   * The pseudonym of {@code id} as a {@code kind}; the same inputs and key always give the same
   * text.
   */
  public String pseudonym(Kind kind, String id) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
    return kind.prefix + "-" + fullHash(kind, id).substring(0, 8);
  }

  /** {@code vid-xxxxxxxx}. */
  public String video(String id) {
    return pseudonym(Kind.VIDEO, id);
  }

  /** {@code pat-xxxxxxxx}. */
  public String patient(String id) {
    return pseudonym(Kind.PATIENT, id);
  }

  /** {@code ann-xxxxxxxx}. */
  public String annotator(String name) {
    return pseudonym(Kind.ANNOTATOR, name);
  }

  /** All 64 hex digits of HMAC-SHA256(key, "kind:id"). */
  public String fullHash(Kind kind, String id) {
    return HexFormat.of()
        .formatHex(hmac((kind.domain + ":" + id).getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * HMAC-SHA256(key, "domain:text") for derived identifiers other than pseudonyms (DICOM UIDs,
   * per-patient date shifts). Domains must differ from the {@link Kind} domains so that no derived
   * value equals a pseudonym's hash.
   */
  public byte[] keyedHash(String domain, String text) {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(text, "text");
    for (Kind k : Kind.values())
      if (k.domain.equals(domain))
        throw new IllegalArgumentException("domain '" + domain + "' is a pseudonym kind");
    return hmac((domain + ":" + text).getBytes(StandardCharsets.UTF_8));
  }

  /** True when {@code text} already has the shape of a pseudonym (so it is not hashed twice). */
  public static boolean isPseudonym(String text) {
    return text != null && PSEUDONYM.matcher(text).matches();
  }

  byte[] hmac(byte[] message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(message);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
    }
  }
}
