package io.tributary.jobs;

import io.tributary.jobs.pipeline.StorePipelineStore;

/** The store a job writes, from its settings. */
final class StorePipelines {

  private StorePipelines() {}

  static StorePipelineStore forSettings(JobSettings settings) {
    return StorePipelineStore.migrated(settings.storeUrl());
  }
}
