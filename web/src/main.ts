import 'leaflet/dist/leaflet.css';
import './style.css';
import { h, replace } from './dom.ts';
import { route } from './router.ts';
import { loadSession, onSession, session, signOut, isAnalyst } from './session.ts';
import { homeView } from './views/home.ts';
import { incidentView } from './views/incident.ts';
import { askView } from './views/ask.ts';
import { chartsView } from './views/charts.ts';
import { reviewView } from './views/review.ts';
import { ingestView } from './views/ingest.ts';
import { loginView } from './views/login.ts';

/**
 * The app shell: header with navigation, sign-in state and the ask box, and a router that
 * mounts one view at a time in <main> (each view returns its clean-up).
 */
const main = document.getElementById('main')!;
const nav = document.getElementById('nav')!;
const askForm = document.getElementById('ask-form') as HTMLFormElement;
const askInput = document.getElementById('ask-input') as HTMLInputElement;
let unmount: (() => void) | null = null;
let mounted = '';

function renderNav(): void {
  const r = route().name;
  // Hash-only links keep the query string, so the filters follow the user from view to view.
  const link = (hash: string, label: string, name: string) => h('a', { href: `#/${hash}`, 'aria-current': r === name ? 'page' : undefined }, label);
  const me = session();
  replace(
    nav,
    h(
      'ul',
      null,
      h('li', null, link('', 'Map', '')),
      h('li', null, link('charts', 'Charts', 'charts')),
      h('li', null, link('ask', 'Ask', 'ask')),
      isAnalyst() ? [h('li', null, link('review', 'Review', 'review')), h('li', null, link('ingest', 'Ingest', 'ingest'))] : null,
      me.user
        ? h('li', null, h('span', { class: 'who' }, `${me.user} (${me.role})`), ' ', h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: () => void signOut() }, 'Sign out'))
        : h('li', null, link('login', 'Sign in', 'login')),
    ),
  );
}

function mount(): void {
  const r = route();
  const key = `${r.name}/${r.arg}`;
  renderNav();
  if (key === mounted && r.name === '') return;
  unmount?.();
  mounted = key;
  document.title = 'strikewatch';
  switch (r.name) {
    case 'incident':
      unmount = incidentView(main, r.arg);
      break;
    case 'ask':
      askInput.value = r.arg;
      unmount = askView(main, r.arg);
      break;
    case 'charts':
      unmount = chartsView(main);
      break;
    case 'review':
      unmount = reviewView(main);
      break;
    case 'ingest':
      unmount = ingestView(main);
      break;
    case 'login':
      unmount = loginView(main, r.arg);
      break;
    default:
      unmount = homeView(main);
  }
  if (r.name) main.focus({ preventScroll: true });
}

askForm.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const q = askInput.value.trim();
  if (q.length >= 3) location.hash = `#/ask/${encodeURIComponent(q)}`;
});
window.addEventListener('hashchange', mount);
onSession(() => {
  renderNav();
  const r = route().name;
  if (r === 'review' || r === 'ingest') {
    mounted = '';
    mount();
  }
});
void loadSession().then(() => {
  if (!mounted) mount();
});
mount();
