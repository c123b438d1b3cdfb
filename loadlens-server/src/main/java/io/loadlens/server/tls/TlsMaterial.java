package io.loadlens.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's certificate chain and key, as an in-memory key store for Jetty, with the SHA-256
 * fingerprint of the leaf certificate (what a user compares when trusting a self-signed one).
 */
public record TlsMaterial(KeyStore keyStore, char[] password, X509Certificate leaf) {

  /** File names of a generated certificate inside the data dir. */
  public static final String SELF_SIGNED_CERT = "tls-cert.pem";

  public static final String SELF_SIGNED_KEY = "tls-key.pem";

  private static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(825);

  /** The SHA-256 fingerprint of the leaf certificate, as {@code AB:CD:...}. */
  public String fingerprint() {
    return fingerprint(leaf);
  }

  public static String fingerprint(X509Certificate cert) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
      return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot fingerprint certificate", e);
    }
  }

  /** Loads a PEM certificate chain (leaf first) and its PEM private key. */
  public static TlsMaterial fromPem(Path certPem, Path keyPem) {
    List<X509Certificate> chain = readCertificates(certPem);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException(
          "TLS certificate file " + certPem + " holds no certificate");
    }
    return of(chain, readKey(keyPem));
  }

  /**
   * The self-signed certificate in {@code dataDir}, generated (EC P-256, SAN localhost, 127.0.0.1,
   * ::1 and {@code hostNames}) when absent. Returns whether it was generated now in {@link
   * Loaded#generated()}.
   */
  public static Loaded selfSigned(Path dataDir, List<String> hostNames, Clock clock) {
    Path cert = dataDir.resolve(SELF_SIGNED_CERT);
    Path key = dataDir.resolve(SELF_SIGNED_KEY);
    if (Files.exists(cert) && Files.exists(key)) {
      return new Loaded(fromPem(cert, key), false, cert);
    }
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
      KeyPair kp = g.generateKeyPair();
      X509Certificate c = build(kp, hostNames, clock.instant());
      Files.createDirectories(dataDir);
      writePem(
          key,
          new org.bouncycastle.util.io.pem.PemObject("PRIVATE KEY", kp.getPrivate().getEncoded()),
          true);
      writePem(cert, c, false);
      return new Loaded(of(List.of(c), kp.getPrivate()), true, cert);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("cannot generate a self-signed certificate", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the self-signed certificate to " + dataDir, e);
    }
  }

  /** A self-signed certificate and whether it was just generated. */
  public record Loaded(TlsMaterial material, boolean generated, Path certFile) {}

  private static X509Certificate build(KeyPair kp, List<String> hostNames, Instant now)
      throws GeneralSecurityException, OperatorCreationException, IOException {
    X500Name name = new X500Name("CN=loadlens self-signed");
    List<GeneralName> sans = new ArrayList<>();
    sans.add(new GeneralName(GeneralName.dNSName, "localhost"));
    sans.add(new GeneralName(GeneralName.iPAddress, "127.0.0.1"));
    sans.add(new GeneralName(GeneralName.iPAddress, "::1"));
    for (String h : hostNames) {
      boolean ip = h.matches("[0-9.]+") || h.contains(":");
      sans.add(new GeneralName(ip ? GeneralName.iPAddress : GeneralName.dNSName, h));
    }
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            name,
            new BigInteger(64, new SecureRandom()),
            Date.from(now.minus(Duration.ofMinutes(5))),
            Date.from(now.plus(SELF_SIGNED_VALIDITY)),
            name,
            kp.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
    b.addExtension(
        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    b.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(sans.toArray(GeneralName[]::new)));
    X509CertificateHolder h =
        b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate()));
    return new JcaX509CertificateConverter().getCertificate(h);
  }

  private static TlsMaterial of(List<X509Certificate> chain, PrivateKey key) {
    try {
      char[] pw = java.util.UUID.randomUUID().toString().toCharArray();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry("server", key, pw, chain.toArray(Certificate[]::new));
      return new TlsMaterial(ks, pw, chain.getFirst());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot build the TLS key store", e);
    }
  }

  private static List<X509Certificate> readCertificates(Path pem) {
    List<X509Certificate> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(pem);
        PEMParser p = new PEMParser(r)) {
      Object o;
      while ((o = p.readObject()) != null) {
        if (o instanceof X509CertificateHolder h) {
          out.add(new JcaX509CertificateConverter().getCertificate(h));
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("TLS certificate file " + pem + " cannot be read", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("TLS certificate file " + pem + " is invalid", e);
    }
  }

  private static PrivateKey readKey(Path pem) {
    try (Reader r = Files.newBufferedReader(pem);
        PEMParser p = new PEMParser(r)) {
      Object o = p.readObject();
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      return switch (o) {
        case PEMKeyPair kp -> conv.getPrivateKey(kp.getPrivateKeyInfo());
        case PrivateKeyInfo info -> conv.getPrivateKey(info);
        case null -> throw new IllegalArgumentException("TLS key file " + pem + " holds no key");
        default ->
            throw new IllegalArgumentException(
                "TLS key file "
                    + pem
                    + " holds a "
                    + o.getClass().getSimpleName().toLowerCase(Locale.ROOT)
                    + ", expected an unencrypted private key");
      };
    } catch (IOException e) {
      throw new UncheckedIOException("TLS key file " + pem + " cannot be read", e);
    }
  }

  private static void writePem(Path file, Object o, boolean secret) throws IOException {
    StringWriter sw = new StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
      w.writeObject(o);
    }
    Files.deleteIfExists(file);
    if (secret) {
      try {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } catch (UnsupportedOperationException e) {
        Files.createFile(file);
      }
    }
    Files.writeString(file, sw.toString());
  }
}
