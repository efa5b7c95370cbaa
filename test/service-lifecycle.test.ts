import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from './helpers/tcp-proxy.ts';
import { alive } from './helpers/processes.ts';

describe('the service as `npm start` runs it', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samverkan-service-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts its own Neo4j, becomes ready, and on SIGTERM stops cleanly with the engine', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: { ...process.env, NEO4J_URI: '', PORT: String(port), HOST: '127.0.0.1', LOCAL_NEO4J_DIR: dataDir, LOG_LEVEL: 'info', SEED_ON_START: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    child.stdout!.on('data', (chunk) => (log += chunk));
    child.stderr!.on('data', (chunk) => (log += chunk));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

    let ready = false;
    for (let attempt = 0; attempt < 240 && !ready && child.exitCode === null; attempt++) {
      ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.status === 200, () => false);
      if (!ready) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready, log).toBe(true);
    const enginePid = findEnginePid(dataDir);
    expect(alive(enginePid)).toBe(true);

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(log).toMatch(/"msg":"stopped"/);
    expect(alive(enginePid)).toBe(false);
  }, 120_000);
});

/** The pid of the JVM whose command line names this data directory. */
function findEnginePid(dataDir: string): number {
  const out = execFileSync('pgrep', ['-f', `Launcher --data-dir ${path.resolve(dataDir)}`], { encoding: 'utf8' });
  return Number(out.trim().split('\n')[0]);
}
