package org.seqlab.cli.serve;

/**
 * A request the server refuses, with the HTTP status to answer and a message for the client.
 * Thrown by endpoint code for the client's mistakes (4xx); never for server faults.
 */
final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  ApiException(int status, String message) {
    super(message);
    if (status < 400 || status > 499) {
      throw new IllegalArgumentException("ApiException is for 4xx answers, got " + status);
    }
    this.status = status;
  }

  int status() {
    return status;
  }

  static ApiException badRequest(String message) {
    return new ApiException(400, message);
  }

  static ApiException notFound(String message) {
    return new ApiException(404, message);
  }

  /** Valid JSON that cannot be processed, such as unknown words. */
  static ApiException unprocessable(String message) {
    return new ApiException(422, message);
  }
}
