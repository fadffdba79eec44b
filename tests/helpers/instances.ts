import { spawn, type ChildProcess } from 'child_process';
import path from 'path';

const FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'jobs-instance.js');

export interface Instance {
  child: ChildProcess;
  pid: number;
  /** lease_owner prefix of this process' claims. */
  identity: string;
  lines: string[];
  /** The last 4 kB of stderr, for failure messages. */
  stderr(): string;
  waitForLine(prefix: string, timeoutMs?: number): Promise<string>;
  /** SIGTERM (the plugin's destroy runs) and wait for the exit. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

/** Starts a Strapi child process: tests/fixtures/jobs-instance.js (test handlers) by default. */
export const startInstance = async (
  env: Record<string, string>,
  fixture = FIXTURE
): Promise<Instance> => {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { prefix: string; resolve(line: string): void }[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  child.stdout!.on('data', (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const waiter of [...waiters])
        if (line.startsWith(waiter.prefix)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
    }
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const waitForLine = (prefix: string, timeoutMs = 60000) => {
    const seen = lines.find((line) => line.startsWith(prefix));
    if (seen) return Promise.resolve(seen);
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no "${prefix}" from instance ${child.pid}: ${stderr}`)),
        timeoutMs
      );
      exited.then((code) => reject(new Error(`instance exited (${code}): ${stderr}`)));
      waiters.push({
        prefix,
        resolve: (line) => {
          clearTimeout(timer);
          resolve(line);
        },
      });
    });
  };
  const ready = await waitForLine('ready');
  const [, , identity] = ready.split(' ');
  return {
    child,
    pid: child.pid!,
    identity,
    lines,
    stderr: () => stderr,
    waitForLine,
    exited,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
};
