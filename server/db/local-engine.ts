import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const launcherJar = path.join(projectRoot, 'neo4j/target/neo4j-launcher.jar');
const launcherLib = path.join(projectRoot, 'neo4j/target/lib');
const readyLine = /^NEO4J_READY (bolt:\/\/\S+)$/;

export interface LocalEngineOptions {
  dataDir: string;
  pageCache: string;
  heap: string;
  boltPort?: number;
  /** How long the engine may take to become ready. */
  startTimeoutMs?: number;
  /**
   * The JVM's garbage collector. Serial by default: the smallest footprint, for tests and a laptop, at the
   * price of pauses that stop every statement. G1, Neo4j's own default, for a benchmark that measures tails.
   */
  collector?: 'serial' | 'g1';
}

export class LocalEngineError extends Error {
  override name = 'LocalEngineError';
}

/** A Neo4j Community engine in a child JVM, bound to localhost without auth. */
export class LocalEngine {
  private constructor(
    private readonly child: ChildProcess,
    readonly boltUri: string,
  ) {}

  /**
   * Where a running engine leaves its Bolt address, so that a tool (a backup) can reach the engine the
   * service started, which holds the data directory's lock and listens on a port chosen at start.
   */
  static addressFile(dataDir: string): string {
    return path.join(path.resolve(dataDir), 'bolt-address');
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: LocalEngineOptions): Promise<LocalEngine> {
    if (!existsSync(launcherJar)) {
      throw new LocalEngineError(
        `The local Neo4j launcher is not built (${path.relative(process.cwd(), launcherJar)} is missing). ` +
          'Install a JDK 17+ and Maven and run `npm run build:neo4j`, or set NEO4J_URI to use a Neo4j of your own.',
      );
    }
    const dataDir = path.resolve(options.dataDir);
    mkdirSync(dataDir, { recursive: true });
    const args = [
      `-Xmx${options.heap}`,
      options.collector === 'g1' ? '-XX:+UseG1GC' : '-XX:+UseSerialGC',
      '-cp',
      `${launcherJar}${path.delimiter}${path.join(launcherLib, '*')}`,
      'se.samverkan.neo4j.Launcher',
      '--data-dir',
      dataDir,
      '--bolt-port',
      String(options.boltPort ?? 0),
      '--auth',
      'false',
      '--page-cache',
      options.pageCache,
    ];
    // stdin stays an open pipe: the launcher stops itself when it closes, so the JVM never outlives us.
    const child = spawn('java', args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const uri = await waitForReady(child, options.startTimeoutMs ?? 120_000);
    const addressFile = LocalEngine.addressFile(dataDir);
    writeFileSync(addressFile, uri);
    child.once('exit', () => rmSync(addressFile, { force: true }));
    return new LocalEngine(child, uri);
  }

  /** Asks the engine to shut down cleanly and waits for the JVM to exit. */
  async stop(timeoutMs = 30_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), timeoutMs);
    await exited;
    clearTimeout(timer);
  }
}

function waitForReady(child: ChildProcess, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const fail = (reason: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new LocalEngineError(`The local Neo4j did not start: ${reason}${stderr ? `\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`not ready after ${timeoutMs} ms`), timeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.once('error', (error: NodeJS.ErrnoException) => {
      fail(
        error.code === 'ENOENT'
          ? 'no `java` on the PATH. Install a JDK 17+ (for example `apt-get install openjdk-17-jdk-headless`) or set NEO4J_URI to use a Neo4j of your own.'
          : error.message,
      );
    });
    child.once('exit', (code, signal) => fail(`the launcher exited (${signal ?? `code ${code}`}) before it was ready`));
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = readyLine.exec(line.trim());
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      lines.close();
      child.stdout!.resume();
      resolve(match[1]!);
    });
  });
}
