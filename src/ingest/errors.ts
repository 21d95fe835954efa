/**
 * An input that cannot become a document. The message is the reason, worded for a person
 * reading one line of the ingest summary ("binary file (NUL bytes)", "malformed XML: ...");
 * the pipeline prefixes it with the input's name.
 */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/** The message of anything thrown, without a stack. */
export function reasonOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
