import { spawn } from 'child_process';
import path from 'path';
import readline from 'readline';
import type { Faults } from '../../tests/simulator';

const root = path.resolve(__dirname, '..', '..');

type Json = Record<string, unknown>;

/** A simulator child process and typed calls to its control API. */
export const startSimulatorProcess = async () => {
  const child = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'run-ts.js'), path.join(root, 'tests', 'simulator', 'child.ts')],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    }
  );
  const url = await new Promise<string>((resolve, reject) => {
    readline
      .createInterface({ input: child.stdout! })
      .once('line', (line) => resolve((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
  const control = async <T = Json>(method: string, route: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}/_sim${route}`, {
      // A fresh connection per control call: no race with a pooled socket being closed.
      headers: { connection: 'close' },
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  };
  return {
    url,
    createAccount: () =>
      control<{ accountId: string; apiKey: string; dc: string }>('POST', '/accounts', {
        dc: 'us1',
      }),
    createList: (accountId: string) => control<{ listId: string }>('POST', '/lists', { accountId }),
    setFaults: (faults: Faults) => control('PUT', '/faults', faults),
    stats: () =>
      control<{
        requests: number;
        byStatus: Record<string, number>;
        byMethod: Record<string, number>;
        peakInFlightByAccount: Record<string, number>;
      }>('GET', '/stats'),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
};
