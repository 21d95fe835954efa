import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetchUrl } from './fetch.ts';

let server: Server;
let base: string;
const hanging = new Set<import('node:http').ServerResponse>();

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<html><body><p>Strike report</p></body></html>');
    } else if (req.url === '/redirect') {
      res.writeHead(302, { location: '/article' });
      res.end();
    } else if (req.url === '/hang') {
      hanging.add(res); // never answers
    } else if (req.url === '/big') {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '5000' });
      res.end('x'.repeat(5000));
    } else if (req.url === '/stream') {
      res.writeHead(200, { 'content-type': 'text/plain' }); // no content-length: chunked
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not here');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of hanging) res.destroy();
  await new Promise((r) => server.close(r));
});

const opts = { timeoutMs: 2000, maxBytes: 4096 };

describe('fetchUrl', () => {
  it('returns the body, its content type and the address after redirects', async () => {
    const got = await fetchUrl(`${base}/redirect`, opts);
    expect(Buffer.from(got.bytes).toString()).toContain('Strike report');
    expect(got.contentType).toBe('text/html; charset=utf-8');
    expect(got.url).toBe(`${base}/article`);
  });

  it('names HTTP errors', async () => {
    await expect(fetchUrl(`${base}/missing`, opts)).rejects.toThrow('HTTP 404 Not Found');
  });

  it('gives up on a server that does not answer', async () => {
    await expect(fetchUrl(`${base}/hang`, { ...opts, timeoutMs: 300 })).rejects.toThrow('no answer within 0.3 s (timeout)');
  });

  it('says when nothing listens on the port', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    await expect(fetchUrl(`http://127.0.0.1:${port}/`, opts)).rejects.toThrow(/connection refused/);
  });

  it('stops reading past the size limit, declared or streamed', async () => {
    await expect(fetchUrl(`${base}/big`, opts)).rejects.toThrow('too large: 4.9 KB (limit 4.0 KB, see --max-bytes)');
    await expect(fetchUrl(`${base}/stream`, opts)).rejects.toThrow('too large: more than 4.0 KB (limit, see --max-bytes)');
  });
});
