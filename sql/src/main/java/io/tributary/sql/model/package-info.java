/**
 * The analyzer's result types: table and column names, statement lineage, column pairs and their
 * kinds, and structured analysis errors. Plain records; depends on nothing else in the project.
 */
package io.tributary.sql.model;
