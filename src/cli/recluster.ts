import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { reclusterAll } from '../corroborate/service.ts';

/** `strikewatch recluster`: rebuild every incident from the reports (analyst decisions still apply). */
export const registerRecluster: RegisterCommand = (program) => {
  program
    .command('recluster')
    .description('re-cluster every report into incidents from scratch; ids and analyst decisions are kept')
    .action(async (_opts, cmd) => {
      await withStore(cmd, async (store) => {
        const t = performance.now();
        const s = await reclusterAll(store);
        console.log(
          `${s.reports} reports -> ${s.incidents} incidents (${s.created} new, ${s.removed} removed) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
        );
      });
    });
};
