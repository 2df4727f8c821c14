/**
 * One exception per meaning (bad request, not found, unauthorized, payload too large...), each
 * mapped to an HTTP status and a JSON error body at the API's edge.
 */
package io.tributary.api.exceptions;
