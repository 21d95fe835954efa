import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { progressReporter } from './progress.ts';

function collect(): { stream: NodeJS.WriteStream; text: () => string } {
  const pass = new PassThrough();
  const chunks: Buffer[] = [];
  pass.on('data', (c: Buffer) => chunks.push(c));
  return { stream: pass as unknown as NodeJS.WriteStream, text: () => Buffer.concat(chunks).toString() };
}

describe('progressReporter (not a terminal)', () => {
  it('prints plain progress lines with count, rate and ETA, and log lines as they come', () => {
    const out = collect();
    const p = progressReporter(out.stream, 0);
    p.onEvent({ type: 'planned', inputs: 3 });
    p.onEvent({ type: 'progress', done: 1, total: 3 });
    p.log('failed   /x/a.txt: empty file');
    p.onEvent({ type: 'progress', done: 2, total: 3 });
    p.stop();
    const lines = out.text().trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ingest: 1\/3 inputs, [\d.]+\/s, ETA \?$/);
    expect(lines[1]).toBe('failed   /x/a.txt: empty file');
    expect(lines[2]).toMatch(/^ingest: 2\/3 inputs, [\d.]+\/s, ETA \d+ s$/);
  });

  it('stays quiet between intervals', () => {
    const out = collect();
    const p = progressReporter(out.stream, 60_000);
    p.onEvent({ type: 'planned', inputs: 100 });
    for (let i = 1; i <= 50; i++) p.onEvent({ type: 'progress', done: i, total: 100 });
    expect(out.text()).toBe('');
  });
});
