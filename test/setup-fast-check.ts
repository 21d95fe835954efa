import fc from 'fast-check';

// Property tests explore random inputs while developing; in CI (CI=true) they replay one fixed
// seed so a submission's result does not depend on luck. FC_SEED=n replays a reported failure.
const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261125 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
