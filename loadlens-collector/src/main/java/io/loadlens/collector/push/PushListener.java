package io.loadlens.collector.push;

import io.loadlens.collector.config.FleetConfig;
import io.loadlens.collector.config.MeterConfig;
import io.loadlens.dlms.DlmsException;
import io.loadlens.dlms.apdu.DataNotification;
import io.loadlens.dlms.push.PushDecoder;
import io.loadlens.dlms.wrapper.WrapperDecoder;
import io.loadlens.dlms.wrapper.WrapperFrame;
import io.loadlens.model.MeterId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts DLMS Data-Notification pushes over the TCP wrapper (IEC 62056-47), one virtual thread per
 * connection. Only sources inside the CIDR allow-list are served; a source is matched to the
 * configured meter with the same host address and its pushes are decoded with that meter's keys
 * (plain or ciphered, replay-checked by the DLMS push decoder). Every undecodable push or unknown
 * source counts against the address in the {@link BanList}; banned addresses are disconnected.
 * Bounds: {@code maxConnections} open connections, an idle timeout, and the wrapper's 16-bit length
 * field (a frame is at most 65 535 + 8 octets).
 */
public final class PushListener implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PushListener.class);

  /** Receives decoded pushes. Called from many threads. */
  @FunctionalInterface
  public interface PushSink {
    void accept(MeterId meter, InetAddress from, DataNotification notification);
  }

  private final ServerSocket socket;
  private final List<CidrBlock> allowed;
  private final Map<String, MeterConfig> byHost;
  private final Map<MeterId, PushDecoder> decoders = new ConcurrentHashMap<>();
  private final BanList bans;
  private final PushSink sink;
  private final Semaphore connections;
  private final Duration idle;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private PushListener(
      ServerSocket socket,
      List<CidrBlock> allowed,
      FleetConfig fleet,
      BanList bans,
      PushSink sink,
      int maxConnections,
      Duration idle) {
    this.socket = socket;
    this.allowed = List.copyOf(allowed);
    Map<String, MeterConfig> hosts = new HashMap<>();
    for (MeterConfig m : fleet.meters()) {
      if (m.serial().isEmpty()) { // a meter on a serial line cannot push over TCP
        hosts.putIfAbsent(m.host(), m);
      }
    }
    this.byHost = Map.copyOf(hosts);
    this.bans = bans;
    this.sink = sink;
    this.connections = new Semaphore(maxConnections);
    this.idle = idle;
  }

  /** Binds and starts accepting. */
  public static PushListener start(
      InetSocketAddress bind,
      List<CidrBlock> allowed,
      FleetConfig fleet,
      BanList bans,
      PushSink sink,
      int maxConnections,
      Duration idle) {
    ServerSocket ss;
    try {
      ss = new ServerSocket();
      ss.setReuseAddress(true);
      ss.bind(bind, 64);
    } catch (IOException e) {
      throw new UncheckedIOException("bind push listener to " + bind, e);
    }
    PushListener l = new PushListener(ss, allowed, fleet, bans, sink, maxConnections, idle);
    Thread.ofVirtual().name("push-accept").start(l::acceptLoop);
    return l;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  public BanList bans() {
    return bans;
  }

  private void acceptLoop() {
    while (!closed) {
      Socket c;
      try {
        c = socket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      InetAddress peer = c.getInetAddress();
      if (!isAllowed(peer) || bans.isBanned(peer) || !connections.tryAcquire()) {
        LOG.debug("push from {} refused (not allowed, banned or too many connections)", peer);
        closeQuietly(c);
        continue;
      }
      open.add(c);
      Thread.ofVirtual().start(() -> serve(c));
    }
  }

  boolean isAllowed(InetAddress peer) {
    for (CidrBlock b : allowed) {
      if (b.contains(peer)) {
        return true;
      }
    }
    return false;
  }

  private void serve(Socket c) {
    InetAddress peer = c.getInetAddress();
    try (c) {
      c.setSoTimeout((int) idle.toMillis());
      MeterConfig meter = byHost.get(peer.getHostAddress());
      if (meter == null) {
        bans.recordFailure(peer, "no configured meter has address " + peer.getHostAddress());
        return;
      }
      PushDecoder decoder = decoders.computeIfAbsent(meter.id(), id -> decoder(meter));
      WrapperDecoder frames = new WrapperDecoder();
      InputStream in = c.getInputStream();
      byte[] buf = new byte[4096];
      int n;
      while (!closed && (n = in.read(buf)) > 0) {
        List<WrapperFrame> got;
        try {
          got = frames.feed(buf, 0, n);
        } catch (DlmsException e) {
          bans.recordFailure(peer, e.getMessage());
          return; // the stream is out of step: drop the connection
        }
        for (WrapperFrame f : got) {
          if (!handle(meter, decoder, peer, f)) {
            return;
          }
        }
      }
    } catch (SocketTimeoutException e) {
      LOG.debug("push connection from {} idle for {}: closed", peer, idle);
    } catch (IOException e) {
      LOG.debug("push connection from {} dropped: {}", peer, e.getMessage());
    } finally {
      open.remove(c);
      connections.release();
    }
  }

  /** Decodes one push; false when the connection must be dropped (the source is now banned). */
  private boolean handle(MeterConfig meter, PushDecoder decoder, InetAddress peer, WrapperFrame f) {
    DataNotification n;
    try {
      synchronized (decoder) {
        n = decoder.decode(f.apdu());
      }
    } catch (DlmsException | IllegalArgumentException e) {
      LOG.info("push from {} ({}) rejected: {}", peer.getHostAddress(), meter.id(), e.getMessage());
      return !bans.recordFailure(peer, e.getMessage());
    }
    sink.accept(meter.id(), peer, n);
    return true;
  }

  private static PushDecoder decoder(MeterConfig m) {
    boolean keys = m.keys().hasGuek();
    return new PushDecoder(
        keys ? m.keys().guek() : null,
        m.keys().hasGak() ? m.keys().gak() : null,
        m.systemTitle().length() == 0 ? null : m.systemTitle().bytes());
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(socket);
    for (Socket c : open) {
      closeQuietly(c);
    }
  }

  private static void closeQuietly(java.io.Closeable c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
}
