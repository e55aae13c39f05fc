package org.sciatica.advisor.service;

import org.jspecify.annotations.Nullable;

/**
 * A request the service refuses, with the status and a message for the caller (never a stack trace).
 * {@link #UNAUTHORIZED} is the bare 401: no body, nothing said about why.
 */
final class HttpError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final int UNAUTHORIZED = 401;

    final int status;
    final @Nullable String field;

    HttpError(int status, @Nullable String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static HttpError badRequest(@Nullable String field, String message) {
        return new HttpError(400, field, message);
    }

    static HttpError unauthorized() {
        return new HttpError(UNAUTHORIZED, null, "");
    }
}
