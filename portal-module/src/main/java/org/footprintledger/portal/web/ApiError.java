package org.footprintledger.portal.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every API error: what is wrong and, when known, where (a position, or the field at fault). */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(int status, String error, String message, Integer line, Integer column, String field) {
}
