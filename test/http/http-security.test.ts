import { describe, expect, it } from 'vitest';
import { useTestService } from '../helpers/service.ts';

describe('HTTP hardening', () => {
  const { client } = useTestService();

  it('refuses a cross-site form post (CSRF) before running it', async () => {
    const response = await fetch(`${client().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: 'mutation { login(email: "a@b.se", password: "x") { token } }' }),
    });
    expect(response.status).toBe(415);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('answers a body over 1 MB, or one that is not JSON, in GraphQL’s shape without a stack', async () => {
    for (const [body, status, message] of [
      [JSON.stringify({ query: '{ themes { key } }', variables: { pad: 'x'.repeat(1_100_000) } }), 413, 'larger than 1 MB'],
      ['{"query": ', 400, 'not valid JSON'],
    ] as const) {
      const response = await fetch(`${client().url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(response.status).toBe(status);
      const json = (await response.json()) as { errors: { message: string; extensions: { code: string } }[] };
      expect(json.errors[0]!.message).toContain(message);
      expect(json.errors[0]!.extensions).toEqual({ code: 'BAD_REQUEST' });
    }
  });

  it('sets the security headers', async () => {
    const response = await fetch(`${client().url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('lets no cache keep a GraphQL answer, which depends on who asks', async () => {
    const query = '{ themes { key } }';
    const requests: [string, RequestInit][] = [
      [`${client().url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }],
      [`${client().url}/graphql?query=${encodeURIComponent(query)}`, {}],
    ];
    for (const [url, init] of requests) {
      const response = await fetch(url, init);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });
});
