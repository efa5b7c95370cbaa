import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { testJwtSecret } from './service.ts';
import { statusOf, waitFor } from './resilience-load.ts';

/** The real service as `node --import tsx scripts/serve.ts`, in a child process of its own. */
export class ServiceProcess {
  log = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
  ) {
    child.stdout!.on('data', (chunk) => (this.log += chunk));
    child.stderr!.on('data', (chunk) => (this.log += chunk));
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns the service against the run's Neo4j on this port, and waits (bounded) until /readyz says 200. */
  static async start(port: number, readyWithinMs = 60_000): Promise<{ service: ServiceProcess; readyMs: number }> {
    const neo4j = inject('neo4j');
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password || 'unused-without-auth',
        NEO4J_DATABASE: neo4j.database,
        JWT_SECRET: testJwtSecret,
        LOGIN_ATTEMPTS_PER_MINUTE: '100000',
        REGISTRATIONS_PER_HOUR: '100000',
        QUERY_BUDGET_ANONYMOUS: '1000000000',
        QUERY_BUDGET_SIGNED_IN: '1000000000',
        SEED_ON_START: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const service = new ServiceProcess(child, `http://127.0.0.1:${port}`);
    const ready = await waitFor(
      () => statusOf(`${service.url}/readyz`, 3_000),
      (r) => r.status === 200 || !service.running,
      readyWithinMs,
      150,
    );
    if (!ready.ok || ready.value.status !== 200) {
      service.kill('SIGKILL');
      throw new Error(`the service did not become ready within ${readyWithinMs} ms (last /readyz: ${JSON.stringify(ready.value)}):\n${service.log.slice(-3000)}`);
    }
    return { service, readyMs: ready.ms };
  }

  kill(signal: NodeJS.Signals): void {
    if (this.running) this.child.kill(signal);
  }
}
