import type { Stages } from './pipeline.ts';

/**
 * The extract and corroborate stages the CLI, server and workers run. Empty until those
 * stages land; wiring them here changes no caller.
 */
export async function defaultStages(): Promise<Stages> {
  return {};
}
