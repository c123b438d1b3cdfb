package io.loadlens.dlms.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A meter listening on TCP: one virtual thread accepts, one virtual thread serves each connection
 * with its own {@link MeterServerEngine} (created when the connection opens). Per-server state is a
 * server socket, its counters and the set of open connections, so thousands fit in one JVM.
 */
public final class TcpMeterServer implements AutoCloseable {
  private final ServerSocket socket;
  private final MeterServerConfig cfg;
  private final MeterDataSource data;
  private final ConnectionPolicy policy;
  private final ServerCounters counters = new ServerCounters();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;
  private Thread acceptor;

  private TcpMeterServer(
      ServerSocket socket, MeterServerConfig cfg, MeterDataSource data, ConnectionPolicy policy) {
    this.socket = socket;
    this.cfg = cfg;
    this.data = data;
    this.policy = policy;
  }

  /**
   * Binds and starts accepting.
   *
   * @throws java.io.UncheckedIOException when the address cannot be bound
   */
  public static TcpMeterServer start(
      InetSocketAddress bind,
      MeterServerConfig cfg,
      MeterDataSource data,
      ConnectionPolicy policy) {
    ServerSocket ss;
    try {
      ss = new ServerSocket();
      ss.setReuseAddress(true);
      ss.bind(bind, 16);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("bind DLMS meter server to " + bind, e);
    }
    TcpMeterServer s =
        new TcpMeterServer(ss, cfg, data, policy == null ? ConnectionPolicy.NONE : policy);
    s.acceptor = Thread.ofVirtual().name("dlms-accept-" + bind).start(s::acceptLoop);
    return s;
  }

  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket c = socket.accept();
        open.add(c);
        if (closed) {
          closeQuietly(c);
          return;
        }
        Thread.ofVirtual().start(() -> serve(c));
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serve(Socket c) {
    try (c) {
      c.setTcpNoDelay(true);
      MeterServerEngine engine = new MeterServerEngine(data, cfg, counters);
      InputStream in = c.getInputStream();
      OutputStream out = c.getOutputStream();
      byte[] buf = new byte[2048];
      int requests = 0;
      int responses = 0;
      long sent = 0;
      long limit = policy.closeAfterResponseBytes();
      int n;
      while ((n = in.read(buf)) > 0) {
        byte[] reply = engine.onBytes(buf, 0, n);
        if (reply.length == 0) {
          continue;
        }
        if (!policy.answer(requests++)) {
          continue;
        }
        long delay = policy.delayBeforeResponse(responses).toMillis();
        if (delay > 0) {
          Thread.sleep(delay);
        }
        reply = policy.mutateResponse(responses++, reply);
        if (sent + reply.length > limit) {
          out.write(reply, 0, (int) Math.max(0, limit - sent));
          out.flush();
          return;
        }
        out.write(reply);
        out.flush();
        sent += reply.length;
      }
    } catch (IOException | RuntimeException e) {
      // connection dropped, undecodable stream or a failing data source: close this connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(c);
    }
  }

  /**
   * Stops accepting and closes every open connection. Returns once the listening socket is released
   * (the accept thread has ended), so the address can be bound again at once.
   */
  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
    for (Socket c : open) {
      closeQuietly(c);
    }
    try {
      acceptor.join(java.time.Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(Socket c) {
    try {
      c.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
