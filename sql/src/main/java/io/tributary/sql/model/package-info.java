/**
 * The analyzer's value types: table and column names, the session defaults that qualify them,
 * statement lineage, column pairs and their kinds, warnings and structured analysis errors. Plain
 * records; depends on nothing else in the project.
 */
package io.tributary.sql.model;
