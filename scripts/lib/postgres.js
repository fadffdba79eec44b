'use strict';
/**
 * A throwaway PostgreSQL for tests and the benchmark, from Debian's `postgresql` package
 * (apt-get installs it when missing; CI runs as root). initdb into a temp dir, serve on a free
 * port with durability off (fsync, synchronous_commit), remove everything on stop.
 * initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
 */
const { execFileSync, execSync, spawn } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const log = (message) => process.stdout.write(`[email-marketing] ${message}\n`);

const findBinDir = () => {
  const base = '/usr/lib/postgresql';
  if (!fs.existsSync(base)) return undefined;
  const versions = fs
    .readdirSync(base)
    .filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
};

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

const ensurePostgresBinaries = () => {
  const found = findBinDir();
  if (found) return found;
  if (!isRoot())
    throw new Error('PostgreSQL is not installed; run: sudo apt-get install -y postgresql');
  log('installing Debian postgresql for the Postgres tests…');
  execSync(
    'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql',
    { stdio: 'inherit' }
  );
  const installed = findBinDir();
  if (!installed) throw new Error('apt-get finished but no initdb was found');
  return installed;
};

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Runs a PostgreSQL binary as the cluster's owner: `postgres` when we are root. */
const asOwner = (binary, args) =>
  isRoot() ? ['runuser', ['-u', 'postgres', '--', binary, ...args]] : [binary, args];

const waitForReady = async (binDir, port, dataDir, child) => {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`postgres exited with code ${child.exitCode}`);
    try {
      execFileSync(path.join(binDir, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port)], {
        stdio: 'ignore',
      });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`postgres did not accept connections within 30 s (data dir ${dataDir})`);
};

/**
 * @returns {Promise<{ host: string, port: number, user: string, password: string,
 *   createDatabase(name: string): Promise<Record<string, string>>, stop(): Promise<void> }>}
 *   `createDatabase` returns the env (DATABASE_CLIENT, …) the playground's database.ts reads.
 */
const startPostgres = async () => {
  const binDir = ensurePostgresBinaries();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'em-pg-'));
  if (isRoot()) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
  const user = 'strapi';
  const [initCmd, initArgs] = asOwner(path.join(binDir, 'initdb'), [
    '-D',
    dataDir,
    '-U',
    user,
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  execFileSync(initCmd, initArgs, { stdio: 'ignore' });
  const port = await freePort();
  const [cmd, args] = asOwner(path.join(binDir, 'postgres'), [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    dataDir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
    '-c',
    'synchronous_commit=off',
    '-c',
    'full_page_writes=off',
    '-c',
    'max_connections=200',
  ]);
  const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr = (stderr + chunk).slice(-4000);
  });
  try {
    await waitForReady(binDir, port, dataDir, child);
  } catch (error) {
    child.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`${error.message}\n${stderr}`);
  }

  const { Client } = require('pg');
  const createDatabase = async (name) => {
    const client = new Client({ host: '127.0.0.1', port, user, database: 'postgres' });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${name}"`);
    } finally {
      await client.end();
    }
    return {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: name,
      DATABASE_USERNAME: user,
      DATABASE_PASSWORD: '',
    };
  };

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Signals sent to runuser do not reach postgres; pg_ctl (as the owner) stops it for real.
      const [ctl, ctlArgs] = asOwner(path.join(binDir, 'pg_ctl'), [
        '-D',
        dataDir,
        'stop',
        '-m',
        'immediate',
        '-s',
      ]);
      try {
        execFileSync(ctl, ctlArgs, { stdio: 'ignore', timeout: 15000 });
      } catch {
        child.kill('SIGKILL');
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  return { host: '127.0.0.1', port, user, password: '', createDatabase, stop };
};

module.exports = { startPostgres, ensurePostgresBinaries };
