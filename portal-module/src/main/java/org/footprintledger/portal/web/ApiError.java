package org.footprintledger.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every API error: what is wrong and, when known, where: {@code line}/{@code column} in an unparseable
 * body; {@code field} at fault; {@code index} (of the item in the submitted list) and {@code reason} for a rejected
 * item.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(int status, String error, String message, Integer line, Integer column, Integer index, String field,
                String reason) {
}
