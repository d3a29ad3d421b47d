package org.footprintledger.portal.web;

import java.util.stream.Collectors;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.footprint.api.DeviceRejectedException;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.footprint.api.MonthCloseInterruptedException;
import org.footprintledger.usage.api.IntakeFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.footprintledger.footprint.api.ErasureRefusedException;
import org.footprintledger.portal.privacy.NothingToEraseException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Every REST controller's errors as {@link ApiError} (the pages have their own). */
@RestControllerAdvice(annotations = RestController.class)
class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badRequest(BadRequestException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.line(), e.column(), null);
    }

    @ExceptionHandler(ContentInputException.class)
    ResponseEntity<ApiError> invalidContent(ContentInputException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), null, null, e.field());
    }

    /**
     * A JSON body that cannot be read into the request: names the field when Jackson knows it, else says what the
     * value's own rule refused (a factor set without sources, a negative factor).
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return error(HttpStatus.BAD_REQUEST, field + ": " + fieldProblem(databind), null, null, field);
        }
        Throwable deepest = e;
        while (deepest.getCause() != null) {
            deepest = deepest.getCause();
        }
        return error(HttpStatus.BAD_REQUEST, deepest instanceof IllegalArgumentException
                ? deepest.getMessage() : "the body is not valid JSON of the expected shape", null, null, null);
    }

    /** What was wrong with one field, in the API's words (Jackson's own message names Java types). */
    private static String fieldProblem(DatabindException e) {
        if (e.getCause() instanceof IllegalArgumentException rule && rule.getMessage() != null) {
            return rule.getMessage(); // the value's own rule (a negative factor, a set without sources)
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof MismatchedInputException mismatch) {
            Object value = mismatch instanceof InvalidFormatException invalid ? invalid.getValue() : null;
            return "expected " + ValueKinds.kind(mismatch.getTargetType())
                    + (value == null ? "" : ", got \"" + value + "\"");
        }
        String message = e.getOriginalMessage();
        return ValueKinds.namesJavaTypes(message) ? "not a valid value" : message;
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> unsupportedMediaType(HttpMediaTypeNotSupportedException e) {
        String accepted = e.getSupportedMediaTypes().isEmpty() ? "application/json" : e.getSupportedMediaTypes()
                .stream().map(Object::toString).collect(Collectors.joining(", "));
        String message = e.getContentType() == null ? e.getMessage()
                : "Content-Type " + e.getContentType() + " is not taken here: send " + accepted;
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, null, null, null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e.getParameterName() + ": required", null, null, e.getParameterName());
    }

    @ExceptionHandler(DeviceRejectedException.class)
    ResponseEntity<ApiError> deviceRejected(DeviceRejectedException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), null, null, e.index(), e.field(), e.reason());
    }

    /** A path or query parameter of the wrong kind: says which, what it got and what it takes. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> mismatchedParameter(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, e.getName() + ": \"" + e.getValue() + "\" is not "
                + ValueKinds.kind(e.getRequiredType()), null, null, e.getName());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ApiError> invalidArgument(IllegalArgumentException e) {
        return error(HttpStatus.BAD_REQUEST, e.getMessage(), null, null, null);
    }

    /**
     * A rule refused the request as things stand (a published set changed, an open month restated, a workflow step
     * out of order). Other {@link IllegalStateException}s are internal errors, answered 500 and logged below.
     */
    @ExceptionHandler({LedgerConflictException.class, ContentConflictException.class})
    ResponseEntity<ApiError> conflict(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), null, null, null);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ApiError> tooLarge(PayloadTooLargeException e) {
        return error(HttpStatus.CONTENT_TOO_LARGE, e.getMessage(), null, null, null);
    }

    @ExceptionHandler(ErasureRefusedException.class)
    ResponseEntity<ApiError> erasureRefused(ErasureRefusedException e) {
        return error(HttpStatus.CONFLICT, e.getMessage(), null, null, null);
    }

    @ExceptionHandler({NotFoundException.class, ContentNotFoundException.class, NothingToEraseException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e.getMessage(), null, null, null);
    }

    @ExceptionHandler(GoneException.class)
    ResponseEntity<ApiError> gone(GoneException e) {
        return error(HttpStatus.GONE, e.getMessage(), null, null, null);
    }

    /** A usage batch the database failed: says whether nothing or maybe all of it is stored; safe to send again. */
    @ExceptionHandler(IntakeFailedException.class)
    ResponseEntity<ApiError> intakeFailed(IntakeFailedException e) {
        log.warn("usage batch not stored: {}", e.getMessage());
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null, null);
    }

    /** A month close stopped part-way: says how many ledgers it closed; closing again finishes it. */
    @ExceptionHandler(MonthCloseInterruptedException.class)
    ResponseEntity<ApiError> closeInterrupted(MonthCloseInterruptedException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), null, null, null);
    }

    /**
     * Anything else: the request may have stored part of its work before it failed, and this handler cannot know
     * what, so the answer does not claim either way (docs/api.md, "Errors", says which requests are safe to repeat).
     */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ApiError> unexpected(RuntimeException e) {
        log.error("request failed", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (logged with its cause); this answer cannot "
                + "tell whether the request stored anything: see docs/api.md, \"Errors\" section before repeating "
                + "it", null, null, null);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, Integer line, Integer column,
                                                  String field) {
        return error(status, message, line, column, null, field, null);
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message, Integer line, Integer column,
                                                  Integer index, String field, String reason) {
        // the last guard: a message from deeper down that names Java types is not shown (it is logged)
        String shown = message;
        if (status.is4xxClientError() && ValueKinds.namesJavaTypes(message)) {
            log.info("client error message replaced, it names Java types: {}", message);
            shown = field == null ? "invalid request" : field + ": invalid value";
        }
        return ResponseEntity.status(status).body(new ApiError(status.value(), status.getReasonPhrase(), shown,
                line, column, index, field, reason));
    }
}
