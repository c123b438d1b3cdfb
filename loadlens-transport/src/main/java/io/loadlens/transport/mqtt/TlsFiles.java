package io.loadlens.transport.mqtt;

import io.loadlens.transport.InvalidSettingsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;

/** Loads PEM files (RFC 7468) into JSSE trust and key managers, with errors naming the field. */
public final class TlsFiles {

  private static final Pattern PKCS8 =
      Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

  private TlsFiles() {}

  /** Trusts exactly the certificates in the PEM file. */
  public static TrustManagerFactory trust(Path caFile) {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      int i = 0;
      for (Certificate c : certificates("mqtt.caFile", caFile)) {
        ks.setCertificateEntry("ca" + i++, c);
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(ks);
      return tmf;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidSettingsException(
          "mqtt.caFile: " + caFile + " cannot be used: " + e.getMessage(), e);
    }
  }

  /** The client certificate chain and its PKCS#8 key. */
  public static KeyManagerFactory keys(Path certFile, Path keyFile) {
    Collection<? extends Certificate> chain = certificates("mqtt.certFile", certFile);
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = new char[0];
      ks.setKeyEntry("client", key, pw, chain.toArray(Certificate[]::new));
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, pw);
      return kmf;
    } catch (GeneralSecurityException | IOException e) {
      throw new InvalidSettingsException(
          "mqtt.keyFile: "
              + keyFile
              + " does not match mqtt.certFile "
              + certFile
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static Collection<? extends Certificate> certificates(String field, Path file) {
    try {
      byte[] pem = Files.readAllBytes(file);
      Collection<? extends Certificate> certs =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(pem));
      if (certs.isEmpty()) {
        throw new InvalidSettingsException(field + ": " + file + " holds no PEM certificate");
      }
      return certs;
    } catch (IOException | GeneralSecurityException e) {
      throw new InvalidSettingsException(
          field + ": " + file + " is not a PEM certificate file: " + e.getMessage(), e);
    }
  }

  private static PrivateKey privateKey(Path file) {
    String pem;
    try {
      pem = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidSettingsException("mqtt.keyFile: " + file + " cannot be read", e);
    }
    Matcher m = PKCS8.matcher(pem);
    if (!m.find()) {
      throw new InvalidSettingsException(
          "mqtt.keyFile: "
              + file
              + " holds no '-----BEGIN PRIVATE KEY-----' block (PKCS#8);"
              + " convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key.pk8.pem");
    }
    byte[] der = Base64.getMimeDecoder().decode(m.group(1));
    for (String alg : List.of("EC", "RSA", "Ed25519", "RSASSA-PSS")) {
      try {
        return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException e) {
        // try the next algorithm
      }
    }
    throw new InvalidSettingsException(
        "mqtt.keyFile: " + file + " is not an EC, RSA or Ed25519 PKCS#8 key");
  }
}
