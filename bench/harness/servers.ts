import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type ServerName = 'ours' | 'peer' | 'floor';

export interface RunningServer {
  name: ServerName;
  /** The GraphQL endpoint for ours and the peer, the root for the floor. */
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || !address) throw new Error('could not find a free port');
  return address.port;
}

// Each server runs as `node --import tsx`, not through the tsx CLI, so that the pid measured is the server's own.
const entryPoints: Record<ServerName, string> = {
  ours: 'scripts/serve.ts',
  peer: 'bench/peer/server.ts',
  floor: 'bench/floor/server.ts',
};

const running = new Set<ChildProcess>();

// An interrupted run takes its servers with it (the engine stops itself when its stdin closes).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGTERM');
    process.exit(130);
  });
}

/**
 * Starts one of the three servers against the given Neo4j holding the network at `scale`, and waits until it
 * answers; `root` runs it from another checkout of the project (an earlier commit, to compare with).
 */
export async function startServer(name: ServerName, neo4jUri: string, scale: number, root = projectRoot): Promise<RunningServer> {
  const port = await freePort();
  // BENCH_NODE_ARGS passes flags to the servers' Node, e.g. `--cpu-prof --cpu-prof-dir=bench/results/profiles`.
  const nodeArguments = process.env.BENCH_NODE_ARGS?.split(/\s+/).filter(Boolean) ?? [];
  // The service runs with the heap `npm start` gives it (160 MB for the national network, more in proportion
  // above); the peer and the floor keep Node's default.
  const heap = name === 'ours' ? [`--max-old-space-size=${Math.max(160, Math.ceil(160 * scale))}`] : [];
  // A checkout from before scripts/serve.ts started the service from server/main.ts.
  const entryPoint = name === 'ours' && !existsSync(path.join(root, entryPoints.ours)) ? 'server/main.ts' : entryPoints[name];
  const child = spawn(process.execPath, [...nodeArguments, ...heap, '--import', 'tsx', entryPoint], {
    cwd: root,
    env: {
      ...process.env,
      NEO4J_URI: neo4jUri,
      // The local engine runs without auth; the service still insists on a password with a URI.
      NEO4J_PASSWORD: 'unused',
      PORT: String(port),
      HOST: '127.0.0.1',
      // The service as it is deployed (production), with settings for a benchmark: no seed, no per-request
      // log lines, no registration limit, and as long for a statement as the others have (no limit there).
      NODE_ENV: 'production',
      JWT_SECRET: randomBytes(32).toString('hex'),
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      REGISTRATIONS_PER_HOUR: '1000000000',
      NEO4J_QUERY_TIMEOUT_MS: '120000',
      // The network index's build holds the network's ids and links while it reads them.
      NETWORK_INDEX_BUILD_HEAP_MB: String(Math.max(96, Math.ceil(96 * scale))),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const url = name === 'floor' ? await readyLine(child, /^FLOOR_READY (\S+)$/) : name === 'peer' ? await readyLine(child, /^PEER_READY (\S+)$/) : `http://127.0.0.1:${port}/graphql`;
  if (name === 'ours') await waitForReadiness(`http://127.0.0.1:${port}/readyz`, child, () => stderr);
  return {
    name,
    url,
    pid: child.pid!,
    stop: () => stopChild(child),
  };
}

function readyLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = pattern.exec(line);
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`${child.spawnargs.join(' ')} exited with ${code} before it was ready`)));
  });
}

async function waitForReadiness(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
  child.stdout!.resume();
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}: ${stderr()}`);
    const ready = await fetch(url).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the service was not ready within two minutes: ${stderr()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}
