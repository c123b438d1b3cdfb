package io.loadlens.server.api;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file an operation wrote for download (an export); REST streams it and then deletes it.
 *
 * @param filename the name offered to the client ({@code Content-Disposition})
 * @param contentType the media type
 * @param file a temporary file owned by the response: deleted once sent
 */
public record FileBody(String filename, String contentType, Path file) {
  public FileBody {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(file, "file");
  }
}
