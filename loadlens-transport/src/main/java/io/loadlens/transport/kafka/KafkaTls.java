package io.loadlens.transport.kafka;

import io.loadlens.transport.InvalidSettingsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * TLS to the Kafka brokers. The brokers' certificates are verified against {@code caFile} (PEM),
 * against {@code truststoreFile} (PKCS#12 or JKS), or, when neither is given, against the JVM's
 * default trust store; the host name is always verified. A client identity for mutual TLS is
 * optional: {@code certFile} (PEM chain) with {@code keyFile} (PEM PKCS#8, {@code BEGIN PRIVATE
 * KEY}), or {@code keystoreFile} (PKCS#12 or JKS) with its password file. Store types follow the
 * file name: {@code .p12}/{@code .pfx} PKCS#12, {@code .jks} JKS. Passwords are read from files
 * when the client starts and never logged.
 *
 * @param caFile CA certificates (PEM), or null
 * @param truststoreFile trust store, or null
 * @param truststorePasswordFile the trust store's password, or null (no integrity check)
 * @param certFile client certificate chain (PEM), or null
 * @param keyFile client private key (PEM PKCS#8, unencrypted), or null
 * @param keystoreFile client key store, or null
 * @param keystorePasswordFile the key store's (and its key's) password; required with a key store
 */
public record KafkaTls(
    Path caFile,
    Path truststoreFile,
    Path truststorePasswordFile,
    Path certFile,
    Path keyFile,
    Path keystoreFile,
    Path keystorePasswordFile) {

  public KafkaTls {
    readable("kafka.tls.caFile", caFile);
    readable("kafka.tls.truststoreFile", truststoreFile);
    readable("kafka.tls.truststorePasswordFile", truststorePasswordFile);
    readable("kafka.tls.certFile", certFile);
    readable("kafka.tls.keyFile", keyFile);
    readable("kafka.tls.keystoreFile", keystoreFile);
    readable("kafka.tls.keystorePasswordFile", keystorePasswordFile);
    if (caFile != null && truststoreFile != null) {
      throw new InvalidSettingsException(
          "kafka.tls.truststoreFile: give either caFile or truststoreFile, not both");
    }
    if (truststorePasswordFile != null && truststoreFile == null) {
      throw new InvalidSettingsException(
          "kafka.tls.truststorePasswordFile: set without truststoreFile");
    }
    if ((certFile == null) != (keyFile == null)) {
      throw new InvalidSettingsException(
          certFile == null
              ? "kafka.tls.certFile: missing (keyFile is set)"
              : "kafka.tls.keyFile: missing (certFile is set)");
    }
    if (keystoreFile != null && certFile != null) {
      throw new InvalidSettingsException(
          "kafka.tls.keystoreFile: give either certFile/keyFile or keystoreFile, not both");
    }
    if ((keystoreFile == null) != (keystorePasswordFile == null)) {
      throw new InvalidSettingsException(
          keystoreFile == null
              ? "kafka.tls.keystorePasswordFile: set without keystoreFile"
              : "kafka.tls.keystorePasswordFile: missing (keystoreFile is set)");
    }
    if (truststoreFile != null) {
      storeType("kafka.tls.truststoreFile", truststoreFile);
    }
    if (keystoreFile != null) {
      storeType("kafka.tls.keystoreFile", keystoreFile);
    }
  }

  /** Server verification against the JVM's default trust store, no client certificate. */
  public static KafkaTls systemTrust() {
    return new KafkaTls(null, null, null, null, null, null, null);
  }

  /** Server verification against the CA certificates in a PEM file. */
  public static KafkaTls caFile(Path ca) {
    if (ca == null) {
      throw new InvalidSettingsException("kafka.tls.caFile: missing");
    }
    return new KafkaTls(ca, null, null, null, null, null, null);
  }

  /** Server verification against a PKCS#12 or JKS trust store; the password file may be null. */
  public static KafkaTls truststore(Path store, Path passwordFile) {
    if (store == null) {
      throw new InvalidSettingsException("kafka.tls.truststoreFile: missing");
    }
    return new KafkaTls(null, store, passwordFile, null, null, null, null);
  }

  /** Adds a client certificate chain and key in PEM for mutual TLS. */
  public KafkaTls withClientPem(Path cert, Path key) {
    if (cert == null || key == null) {
      throw new InvalidSettingsException(
          cert == null ? "kafka.tls.certFile: missing" : "kafka.tls.keyFile: missing");
    }
    return new KafkaTls(
        caFile, truststoreFile, truststorePasswordFile, cert, key, keystoreFile, null);
  }

  /** Adds a client key store (PKCS#12 or JKS) and its password file for mutual TLS. */
  public KafkaTls withKeystore(Path store, Path passwordFile) {
    if (store == null) {
      throw new InvalidSettingsException("kafka.tls.keystoreFile: missing");
    }
    return new KafkaTls(
        caFile, truststoreFile, truststorePasswordFile, certFile, keyFile, store, passwordFile);
  }

  /** The key store type a file name stands for, naming the field when there is none. */
  static String storeType(String field, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".p12") || name.endsWith(".pfx")) {
      return "PKCS12";
    }
    if (name.endsWith(".jks")) {
      return "JKS";
    }
    throw new InvalidSettingsException(
        field + ": '" + file + "' has no known store type (name it .p12, .pfx or .jks)");
  }

  private static void readable(String field, Path file) {
    if (file != null && !Files.isReadable(file)) {
      throw new InvalidSettingsException(
          field + ": " + file + (Files.exists(file) ? " is not readable" : " does not exist"));
    }
  }
}
