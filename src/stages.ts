import type { Stages } from './pipeline.ts';
import { extract } from './extract/index.ts';
import { updateIncidents } from './corroborate/service.ts';

/**
 * The extract and corroborate stages the CLI, server and workers run: every ingested
 * document is extracted into reports, and each batch's reports are corroborated into
 * incidents incrementally. Callers get them here, so swapping a stage changes no caller.
 */
export async function defaultStages(): Promise<Stages> {
  return {
    extract: (doc) => extract(doc),
    corroborate: async (store, documentIds) => {
      await updateIncidents(store, documentIds);
    },
  };
}
