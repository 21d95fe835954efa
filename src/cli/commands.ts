import type { RegisterCommand } from './main.ts';
import { registerStart } from './start.ts';
import { registerInfo } from './info.ts';
import { registerExtract } from './extract.ts';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { registerDocuments } from './documents.ts';
import { registerGeocode } from './geocode.ts';
import { registerAsk } from './ask.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';
import { registerIncidents } from './incidents.ts';
import { registerIncident } from './incident.ts';
import { registerReview } from './review.ts';
import { registerRecluster } from './recluster.ts';

/** Every CLI command, one module each. Add a line here when you add a command. */
export const commands: RegisterCommand[] = [
  registerStart,
  registerInfo, registerIngest, registerDocuments, registerExtract, registerEval, registerGeocode, registerAsk, registerServe, registerUsers,
  registerIncidents, registerIncident, registerReview, registerRecluster];
