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
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF|preflight/i);
  });

  it('refuses a GET that is not a plain query with its preflight header', async () => {
    const response = await fetch(`${client().url}/graphql?query=${encodeURIComponent('{ themes { key } }')}`);
    expect(response.status).toBe(400);
  });

  it('sets the security headers', async () => {
    const response = await fetch(`${client().url}/healthz`);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('strict-transport-security')).toContain('max-age=');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });
});
