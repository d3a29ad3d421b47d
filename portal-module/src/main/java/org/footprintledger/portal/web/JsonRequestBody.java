package org.footprintledger.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
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
        long announced = request.getContentLengthLong();
        if (announced >= 0) {
            return announcedBytes(request.getInputStream(), (int) announced);
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            throw tooLarge(body.length, maxBytes, what);
        }
        return body;
    }

    /**
     * A body of announced size, read straight into an array of that size (one copy: a feed's batches are megabytes,
     * and the JSON endpoint's request threads spent a twentieth of their time copying them between buffers). The
     * container ends the stream at the announced size; a body that ends before it is cut short.
     */
    private static byte[] announcedBytes(InputStream in, int length) throws IOException {
        byte[] body = new byte[length];
        int read = in.readNBytes(body, 0, length);
        if (read < length) {
            throw new BadRequestException("the body ended after " + read + " of the " + length
                    + " bytes announced by Content-Length", null, null);
        }
        return body;
    }

    private static PayloadTooLargeException tooLarge(long bytes, int maxBytes, String what) {
        return new PayloadTooLargeException("the body is " + bytes + " bytes; the limit is " + maxBytes + " bytes ("
                + what + ")");
    }
}
