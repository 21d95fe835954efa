/**
 * /api/docs: a small page that renders the OpenAPI document, served from this server (no CDN,
 * no inline script, so the Content-Security-Policy stays strict). Text is inserted with
 * textContent only.
 */
export const DOCS_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>strikewatch API</title><link rel="stylesheet" href="/api/docs.css"></head>
<body><main><h1>strikewatch API</h1><p id="desc"></p><p><a href="/api/openapi.json">openapi.json</a></p>
<div id="ops">Loading…</div></main><script src="/api/docs.js"></script></body></html>`;

export const DOCS_CSS = `body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1b1b1b;background:#fafafa}
main{max-width:960px;margin:auto;padding:1rem}h2{margin-top:2rem;border-bottom:1px solid #ccc}
details{background:#fff;border:1px solid #ddd;border-radius:4px;margin:.4rem 0;padding:.4rem .8rem}
summary{cursor:pointer}code{font:13px ui-monospace,monospace}.m{display:inline-block;width:4.5em;font-weight:700}
.GET{color:#05603a}.POST{color:#8a4b00}.DELETE{color:#a00}table{border-collapse:collapse;width:100%}
td,th{border-top:1px solid #eee;text-align:left;padding:.2rem .4rem;vertical-align:top}pre{white-space:pre-wrap;background:#f3f3f3;padding:.5rem}`;

export const DOCS_JS = `(async function () {
  const el = (tag, text, cls) => { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; };
  const res = await fetch('/api/openapi.json');
  const doc = await res.json();
  document.getElementById('desc').textContent = doc.info.description;
  const ops = document.getElementById('ops');
  ops.textContent = '';
  const byTag = {};
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) (byTag[op.tags[0]] = byTag[op.tags[0]] || []).push({ path, method: method.toUpperCase(), op });
  }
  for (const [tag, list] of Object.entries(byTag)) {
    ops.appendChild(el('h2', tag));
    for (const { path, method, op } of list) {
      const d = el('details'); const s = el('summary');
      s.appendChild(el('span', method, 'm ' + method)); s.appendChild(el('code', path)); s.appendChild(document.createTextNode(' — ' + op.summary + (op['x-access'] && op['x-access'] !== 'read' && op['x-access'] !== 'public' ? ' [' + op['x-access'] + ']' : '')));
      d.appendChild(s);
      if (op.parameters.length) {
        const t = el('table'); const h = el('tr'); ['name', 'in', 'type', 'about'].forEach((x) => h.appendChild(el('th', x))); t.appendChild(h);
        for (const p of op.parameters) {
          const r = el('tr'); r.appendChild(el('td', p.name + (p.required ? ' *' : ''))); r.appendChild(el('td', p.in));
          const sc = p.schema || {}; r.appendChild(el('td', sc.enum ? sc.enum.join(' | ') : (sc.type || (sc.anyOf ? 'one of several' : '')) + (sc.items && sc.items.enum ? ' of ' + sc.items.enum.join(' | ') : '')));
          r.appendChild(el('td', p.description || sc.description || '')); t.appendChild(r);
        }
        d.appendChild(t);
      }
      if (op.requestBody) { d.appendChild(el('p', 'Body (JSON):')); d.appendChild(el('pre', JSON.stringify(op.requestBody.content['application/json'].schema, null, 2))); }
      ops.appendChild(d);
    }
  }
})();`;
