import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';

/** `strikewatch info`: which database, its schema version and what it holds. */
export const registerInfo: RegisterCommand = (program) => {
  program
    .command('info')
    .description('show the database in use and what it holds')
    .action(async (_opts, cmd) => {
      await withStore(cmd, async (store) => {
        const info = await store.info();
        console.log(`database   ${info.location} (${info.engine}, schema v${info.schemaVersion})`);
        console.log(`documents  ${await store.countDocuments()}`);
        console.log(`reports    ${await store.countReports()}`);
      });
    });
};
