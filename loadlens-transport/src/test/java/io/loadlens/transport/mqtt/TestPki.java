package io.loadlens.transport.mqtt;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/** A throw-away CA with server and client certificates (EC P-256), as PEM and PKCS#12 files. */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

  public final Path dir;
  final KeyPair caKey;
  final X509Certificate ca;

  public TestPki(Path dir, String caName) throws Exception {
    this.dir = Files.createDirectories(dir);
    this.caKey = keyPair();
    this.ca = sign(caName, caKey, caName, caKey, true, null, null);
    pem(dir.resolve("ca.pem"), ca);
  }

  static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    return g.generateKeyPair();
  }

  private static X509Certificate sign(
      String subject,
      KeyPair subjectKey,
      String issuer,
      KeyPair issuerKey,
      boolean isCa,
      KeyPurposeId purpose,
      GeneralNames san)
      throws Exception {
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            new X500Name("CN=" + issuer),
            BigInteger.valueOf(SERIAL.incrementAndGet()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(30))),
            new X500Name("CN=" + subject),
            subjectKey.getPublic());
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
    if (purpose != null) {
      b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose));
    }
    if (san != null) {
      b.addExtension(Extension.subjectAlternativeName, false, san);
    }
    return new JcaX509CertificateConverter()
        .getCertificate(
            b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
  }

  /** Writes {@code name.pem} and {@code name.key} (PKCS#8) and returns the pair of paths. */
  public Path[] issue(String name, boolean server) throws Exception {
    KeyPair kp = keyPair();
    GeneralNames san =
        server
            ? new GeneralNames(
                new GeneralName[] {
                  new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
                  new GeneralName(GeneralName.dNSName, "localhost")
                })
            : null;
    X509Certificate cert =
        sign(
            name,
            kp,
            ca.getSubjectX500Principal().getName().substring(3),
            caKey,
            false,
            server ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth,
            san);
    Path certFile = dir.resolve(name + ".pem");
    Path keyFile = dir.resolve(name + ".key");
    pem(certFile, cert);
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(new PemObject("PRIVATE KEY", kp.getPrivate().getEncoded()));
    }
    Files.writeString(keyFile, w.toString());
    if (server) {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      ks.setKeyEntry(
          "server", kp.getPrivate(), "changeit".toCharArray(), new Certificate[] {cert, ca});
      store(ks, dir.resolve(name + ".p12"));
      KeyStore ts = KeyStore.getInstance("PKCS12");
      ts.load(null, null);
      ts.setCertificateEntry("ca", ca);
      store(ts, dir.resolve("trust.p12"));
    }
    return new Path[] {certFile, keyFile};
  }

  private static void store(KeyStore ks, Path p) throws Exception {
    try (OutputStream out = Files.newOutputStream(p)) {
      ks.store(out, "changeit".toCharArray());
    }
  }

  private static void pem(Path p, X509Certificate c) throws IOException {
    StringWriter w = new StringWriter();
    try (JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(c);
    }
    Files.writeString(p, w.toString());
  }
}
