/**
 * The API's rules: lineage from a query (preview, create, replace), manual lineage, resources, the
 * graph, token checks. Uses the store ({@code connectors}) and the analyzer ({@code sql}); knows
 * nothing of HTTP.
 */
package io.tributary.api.service;
