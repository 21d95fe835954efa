import { h, replace, announce } from '../dom.ts';
import { go } from '../router.ts';
import { signIn } from '../session.ts';

/** Sign-in for analysts. The password goes only to /api/auth/login; the session is a cookie. */
export function loginView(root: HTMLElement, next: string): () => void {
  const user = h('input', { id: 'login-user', name: 'username', autocomplete: 'username', required: true });
  const pass = h('input', { id: 'login-pass', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const status = h('p', { role: 'alert', class: 'form-status' });
  replace(
    root,
    h(
      'div',
      { class: 'narrow' },
      h('h1', null, 'Sign in'),
      h(
        'form',
        {
          class: 'login-form',
          onsubmit: async (ev: Event) => {
            ev.preventDefault();
            status.textContent = '';
            try {
              const me = await signIn(user.value.trim(), pass.value);
              announce(`Signed in as ${me.user}`);
              go(`#/${next === 'ingest' ? 'ingest' : 'review'}`);
            } catch (e) {
              status.textContent = `Not signed in: ${(e as Error).message}`;
            }
          },
        },
        h('div', { class: 'field' }, h('label', { for: 'login-user' }, 'User name'), user),
        h('div', { class: 'field' }, h('label', { for: 'login-pass' }, 'Password'), pass),
        h('button', { type: 'submit' }, 'Sign in'),
        status,
      ),
    ),
  );
  user.focus();
  return () => {};
}
