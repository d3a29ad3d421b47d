package org.footprintledger.portal.web;

import org.footprintledger.footprint.api.DeviceRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

@RestControllerAdvice(assignableTypes = {UsageRecordsController.class, StatementsController.class,
        UsageImportsController.class, LedgerOperationsController.class, AuditController.class,
        DevicesController.class})
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.line(), e.column());
    }

    @ExceptionHandler(DeviceRejectedException.class)
    ResponseEntity<ApiError> deviceRejected(DeviceRejectedException e) {
        HttpStatus status = HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(),
                e.getMessage(), null, null, e.index(), e.field(), e.reason()));
    }

    @ExceptionHandler({IllegalArgumentException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<ApiError> invalidArgument(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), null, null);
    }

    /** A rule of the ledger refused the request as things stand (a published set changed, an open month restated). */
    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<ApiError> conflict(IllegalStateException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), null, null);
    }

    /** A JSON body that does not bind (a factor set without sources, a malformed value): the deepest cause says why. */
    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(org.springframework.http.converter.HttpMessageNotReadableException e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return error(HttpStatus.BAD_REQUEST, "the body cannot be read: " + cause.getMessage(), null, null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null, null);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ApiError> notFound(NotFoundException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null, null);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error; nothing of this request was stored", null,
                null);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, Integer line, Integer column) {
        return ResponseEntity.status(status)
                .body(new ApiError(status.value(), status.getReasonPhrase(), message, line, column));
    }
}
