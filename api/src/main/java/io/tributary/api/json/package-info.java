/** JSON written by the API, with Secoda's field names. Uses the store's records. */
package io.tributary.api.json;
