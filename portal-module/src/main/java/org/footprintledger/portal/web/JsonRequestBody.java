package org.footprintledger.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads a JSON body with a size limit: refused from its announced size before it is read, or as soon as more than
 * the limit arrives; an unparseable body answers 400 with the line and column of the error.
 */
public final class JsonRequestBody {

    private JsonRequestBody() {
    }

    /** @param what what the limit allows, said in the 413 (e.g. "at most 10000 records") */
    public static JsonNode read(HttpServletRequest request, ObjectMapper json, int maxBytes, String what)
            throws IOException {
        byte[] body = bytes(request, maxBytes, what);
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw BadRequestException.unparseable(e);
        }
    }

    /** The body's bytes, refused (413) from its announced size or as soon as more than the limit arrives. */
    public static byte[] bytes(HttpServletRequest request, int maxBytes, String what) throws IOException {
        if (request.getContentLengthLong() > maxBytes) {
            throw tooLarge(request.getContentLengthLong(), maxBytes, what);
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(body.length, maxBytes, what);
        }
        return body;
    }

    private static PayloadTooLargeException tooLarge(long bytes, int maxBytes, String what) {
        return new PayloadTooLargeException("the body is " + bytes + " bytes; the limit is " + maxBytes + " bytes ("
                + what + ")");
    }
}
