import { afterAll, describe, expect, inject, it } from 'vitest';
import { createLogger } from '../../server/logger.ts';
import { startService, type RunningService } from '../../server/service.ts';
import { testConfig } from '../helpers/service.ts';
import { boltTarget, freePort, TcpProxy } from '../helpers/tcp-proxy.ts';

async function eventually<T>(probe: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('/healthz and /readyz', () => {
  let service: RunningService | undefined;
  let proxy: TcpProxy | undefined;
  afterAll(async () => {
    await service?.stop();
    await proxy?.shut();
  });

  it('says 503 with the reason while Neo4j is unreachable, and 200 once it answers', async () => {
    const port = await freePort();
    proxy = new TcpProxy(port, boltTarget(inject('neo4j').uri));
    service = await startService(testConfig({ NEO4J_URI: `bolt://127.0.0.1:${port}` }), createLogger('silent'));
    const get = async (path: string) => {
      const response = await fetch(`${service!.url}${path}`);
      return { status: response.status, body: (await response.json()) as { status: string; reason?: string } };
    };

    expect((await get('/healthz')).status).toBe(200);
    const before = await get('/readyz');
    expect(before.status).toBe(503);
    expect(before.body.reason).toMatch(/neo4j unavailable/);

    await proxy.open();
    const after = await eventually(() => get('/readyz'), (r) => r.status === 200);
    expect(after).toEqual({ status: 200, body: { status: 'ready' } });

    await proxy.shut();
    const gone = await get('/readyz');
    expect(gone.status).toBe(503);
    expect((await get('/healthz')).status).toBe(200);
  });
});
