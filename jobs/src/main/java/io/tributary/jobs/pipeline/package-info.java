/**
 * The lineage pipeline both jobs run ({@link io.tributary.jobs.pipeline.LineagePipeline}): one
 * class per operator, the metric names, and the pipeline's view of the store.
 */
package io.tributary.jobs.pipeline;
