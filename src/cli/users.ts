import { createInterface } from 'node:readline';
import type { RegisterCommand } from './main.ts';
import { withStore } from './context.ts';
import { sqliteOf } from '../query/db.ts';
import { Role, UserStore } from '../store/sqlite/users.ts';

/**
 * `strikewatch users add|list|passwd|token|tokens|revoke`: accounts and API tokens of the
 * HTTP API. Passwords come from --password, else from STDIN (first line) or a prompt.
 */
export const registerUsers: RegisterCommand = (program) => {
  const users = program.command('users').description('manage API users and tokens');
  users
    .command('add')
    .description('add a user (roles: viewer, analyst, admin)')
    .argument('<name>')
    .option('--role <role>', 'viewer, analyst or admin', 'viewer')
    .option('--password <password>', 'password (else read from STDIN or asked)')
    .action(async (name: string, opts: { role: string; password?: string }, cmd) => {
      const role = Role.safeParse(opts.role);
      if (!role.success) throw new Error(`--role ${opts.role} is not one of viewer, analyst, admin`);
      const password = opts.password ?? (await readPassword(`password for ${name}: `));
      await withStore(cmd, async (store) => {
        const u = new UserStore(sqliteOf(store)).addUser(name, role.data, password);
        new UserStore(sqliteOf(store)).audit({ user: 'cli', action: 'users.add', target: u.name, detail: { role: u.role } });
        console.log(`added ${u.name} (${u.role})`);
      });
    });
  users
    .command('list')
    .description('list users')
    .action(async (_o, cmd) => {
      await withStore(cmd, async (store) => {
        for (const u of new UserStore(sqliteOf(store)).listUsers()) console.log(`${u.name}\t${u.role}\t${u.created_at}${u.disabled_at ? '\tdisabled' : ''}`);
      });
    });
  users
    .command('passwd')
    .description("change a user's password")
    .argument('<name>')
    .option('--password <password>', 'new password (else read from STDIN or asked)')
    .action(async (name: string, opts: { password?: string }, cmd) => {
      const password = opts.password ?? (await readPassword(`new password for ${name}: `));
      await withStore(cmd, async (store) => {
        const us = new UserStore(sqliteOf(store));
        us.setPassword(name, password);
        us.audit({ user: 'cli', action: 'users.passwd', target: name });
        console.log(`password changed for ${name}`);
      });
    });
  users
    .command('token')
    .description('create an API token for a user (printed once; only its hash is kept)')
    .argument('<name>')
    .option('--label <label>', 'what the token is for')
    .action(async (name: string, opts: { label?: string }, cmd) => {
      await withStore(cmd, async (store) => {
        const us = new UserStore(sqliteOf(store));
        const t = us.createToken(name, opts.label ?? null);
        us.audit({ user: 'cli', action: 'users.token', target: name, detail: { token_id: t.id } });
        console.log(`token id ${t.id} for ${name} (revoke with: strikewatch users revoke ${t.id})`);
        console.log(t.token);
      });
    });
  users
    .command('tokens')
    .description('list API tokens (ids, not the tokens)')
    .action(async (_o, cmd) => {
      await withStore(cmd, async (store) => {
        for (const t of new UserStore(sqliteOf(store)).listTokens()) {
          console.log(`${t.id}\t${t.user}\t${t.label ?? ''}\t${t.created_at}${t.revoked_at ? `\trevoked ${t.revoked_at}` : ''}`);
        }
      });
    });
  users
    .command('revoke')
    .description('revoke an API token at once')
    .argument('<token-id>')
    .action(async (id: string, _o, cmd) => {
      await withStore(cmd, async (store) => {
        const us = new UserStore(sqliteOf(store));
        us.revokeToken(id);
        us.audit({ user: 'cli', action: 'users.revoke', target: id });
        console.log(`revoked ${id}`);
      });
    });
};

/** A password from STDIN (first line) when piped, else a prompt that does not echo. */
async function readPassword(prompt: string): Promise<string> {
  if (!process.stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
    if (!line) throw new Error('no password given (use --password, or pipe it on STDIN)');
    return line;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void; output: NodeJS.WriteStream };
  out._writeToOutput = (s: string) => {
    if (s.includes(prompt)) out.output.write(prompt);
  };
  const answer = await new Promise<string>((done) => rl.question(prompt, done));
  rl.close();
  process.stdout.write('\n');
  return answer;
}
