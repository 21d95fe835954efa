import cliProgress from 'cli-progress';
import type { IngestEvent } from '../pipeline.ts';

/** Shows ingest progress: a bar on a terminal, plain periodic lines otherwise. */
export interface ProgressReporter {
  onEvent(e: IngestEvent): void;
  /** Prints a line without garbling the bar. */
  log(line: string): void;
  stop(): void;
}

/**
 * Progress on stderr. On a TTY: a cli-progress bar (count, rate, ETA) with log lines
 * printed above it. Elsewhere (CI logs, pipes): one line every `intervalMs` at most, e.g.
 * "ingest: 30/74 inputs, 12.5/s, ETA 4 s", so logs stay short but show the run is alive.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr, intervalMs = 2000): ProgressReporter {
  let started = Date.now();
  if (stream.isTTY) {
    const multi = new cliProgress.MultiBar(
      {
        stream,
        format: 'ingest {bar} {value}/{total} inputs | {rate}/s | ETA {eta_formatted}',
        hideCursor: true,
        clearOnComplete: true,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    let bar: cliProgress.SingleBar | null = null;
    return {
      onEvent(e) {
        if (e.type === 'planned') started = Date.now();
        if (e.type === 'planned' && e.inputs > 0) bar = multi.create(e.inputs, 0, { rate: '0.0' });
        if (e.type === 'progress' && bar) {
          const secs = Math.max((Date.now() - started) / 1000, 0.001);
          bar.update(e.done, { rate: (e.done / secs).toFixed(1) });
        }
      },
      log: (line) => multi.log(line + '\n'),
      stop: () => multi.stop(),
    };
  }
  let last = started;
  return {
    onEvent(e) {
      if (e.type === 'planned') started = last = Date.now();
      if (e.type !== 'progress') return;
      const now = Date.now();
      if (now - last < intervalMs && e.done !== e.total) return;
      if (e.done === e.total && now - started < intervalMs) return; // short runs: the summary says it all
      last = now;
      const secs = Math.max((now - started) / 1000, 0.001);
      const rate = e.done / secs;
      // The first input also pays for loading the lexicons and gazetteer: no ETA from it alone.
      const eta = e.done >= 2 && rate > 0 ? `${Math.ceil((e.total - e.done) / rate)} s` : '?';
      stream.write(`ingest: ${e.done}/${e.total} inputs, ${rate.toFixed(1)}/s, ETA ${eta}\n`);
    },
    log: (line) => {
      stream.write(line + '\n');
    },
    stop: () => {},
  };
}
