import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { createDriver } from '../../server/db/database.ts';
import { LocalEngine } from '../../server/db/local-engine.ts';
import { alive } from '../helpers/processes.ts';

async function waitUntilGone(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return !alive(pid);
}

// Each test starts a JVM of its own, which on a loaded two-core machine can take well over half a minute.
describe('the local engine', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  const newDataDir = () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'samverkan-engine-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('answers over Bolt, keeps its logs in the data directory, and stops cleanly', async () => {
    const dataDir = newDataDir();
    const engine = await LocalEngine.start({ dataDir, pageCache: '16m', heap: '256m' });
    expect(engine.boltUri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    const driver = createDriver({ uri: engine.boltUri, user: 'neo4j', password: '', database: 'neo4j' });
    const { records } = await driver.executeQuery('RETURN $x + 1 AS y', { x: 41 });
    expect(records[0]!.get('y')).toBe(42);
    await driver.close();

    expect(readdirSync(path.join(dataDir, 'logs')).length).toBeGreaterThan(0);
    const pid = engine.pid!;
    await engine.stop();
    expect(alive(pid)).toBe(false);
  });

  it('leaves no Java process behind when its parent is killed', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/engine-parent.ts', newDataDir()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [line] = await new Promise<string[]>((resolve, reject) => {
      createInterface({ input: parent.stdout! }).once('line', (first) => resolve([first]));
      parent.once('exit', (code) => reject(new Error(`the parent exited early (${code})`)));
    });
    const javaPid = Number(line!.split(' ')[0]);
    expect(alive(javaPid)).toBe(true);

    parent.kill('SIGKILL');
    expect(await waitUntilGone(javaPid, 30_000)).toBe(true);
  });

  it('says what to install when Java is missing', async () => {
    const path_ = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(LocalEngine.start({ dataDir: newDataDir(), pageCache: '16m', heap: '256m' })).rejects.toThrow(
        /no `java` on the PATH\. Install a JDK 17\+.*or set NEO4J_URI/,
      );
    } finally {
      process.env.PATH = path_;
    }
  });
});
