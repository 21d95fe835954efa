import { z } from 'zod';
import type { RouteSpec } from './http.ts';

/**
 * The OpenAPI 3.1 document, generated from the route declarations' zod schemas
 * (z.toJSONSchema), so it always describes what the server validates.
 */
export function openApiDocument(specs: RouteSpec[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const s of specs) {
    const path = s.url.replace(/:([A-Za-z_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', s.params],
      ['query', s.query],
    ] as const) {
      if (!schema) continue;
      const js = jsonSchema(schema);
      const props = (js.properties ?? {}) as Record<string, Record<string, unknown>>;
      const required = new Set((js.required as string[] | undefined) ?? []);
      for (const [name, p] of Object.entries(props)) {
        parameters.push({
          name,
          in: where,
          required: where === 'path' || required.has(name),
          ...(p.description ? { description: p.description } : {}),
          schema: p,
        });
      }
    }
    const op: Record<string, unknown> = {
      summary: s.summary,
      tags: [s.tag],
      operationId: `${s.method.toLowerCase()}${path.replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
      parameters,
      responses: {
        '200': {
          description: s.returns ?? 'OK',
          content: { 'application/json': {}, ...(s.rows ? { 'text/csv': {} } : {}) },
        },
        '304': { description: 'Not modified (If-None-Match matched the ETag)' },
        '4XX': { description: 'Error: {"error": {"code", "message"}}' },
      },
      'x-access': s.access,
    };
    if (s.body) op.requestBody = { required: true, content: { 'application/json': { schema: jsonSchema(s.body) } } };
    if (s.access !== 'public' && s.access !== 'read') op.security = [{ bearer: [] }, { session: [] }];
    (paths[path] ??= {})[s.method.toLowerCase()] = op;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'strikewatch API',
      version,
      description:
        'Incidents of air and drone strikes built from news reports, with the evidence behind every field. ' +
        'Reads are public unless the server runs --private; writes need an analyst (session cookie + x-csrf-token, or Bearer token). ' +
        'Lists answer JSON or CSV (Accept: text/csv or ?format=csv) and carry ETags.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        session: { type: 'apiKey', in: 'cookie', name: 'sw_session' },
      },
    },
    paths,
  };
}

function jsonSchema(schema: z.ZodType): Record<string, unknown> {
  const js = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  delete js.$schema;
  return js;
}
