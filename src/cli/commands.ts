import type { RegisterCommand } from './main.ts';
import { registerInfo } from './info.ts';
import { registerExtract } from './extract.ts';
import { registerEval } from './eval.ts';
import { registerIngest } from './ingest.ts';
import { registerDocuments } from './documents.ts';
import { registerGeocode } from './geocode.ts';
import { registerAsk } from './ask.ts';
import { registerServe } from './serve.ts';
import { registerUsers } from './users.ts';

/** Every CLI command, one module each. Add a line here when you add a command. */
export const commands: RegisterCommand[] = [registerInfo, registerIngest, registerDocuments, registerExtract, registerEval, registerGeocode, registerAsk, registerServe, registerUsers];
