import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../server/config.ts';

describe('configuration', () => {
  it('has defaults for a local run', () => {
    const config = parseConfig({});
    expect(config.http).toEqual({ host: '0.0.0.0', port: 4000 });
    expect(config.neo4j).toBeNull();
    expect(config.localEngine.dataDir).toBe('.data/neo4j');
  });

  it('uses the Neo4j named by NEO4J_URI', () => {
    const config = parseConfig({ NEO4J_URI: 'neo4j+s://example.databases.neo4j.io', NEO4J_PASSWORD: 'secret', NEO4J_DATABASE: 'registry' });
    expect(config.neo4j).toEqual({ uri: 'neo4j+s://example.databases.neo4j.io', user: 'neo4j', password: 'secret', database: 'registry' });
  });

  it('lists every problem at once', () => {
    try {
      parseConfig({ PORT: 'eighty', NEO4J_URI: 'http://localhost:7474', LOG_LEVEL: 'loud' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems;
      expect(problems).toHaveLength(4);
      expect(problems.join('\n')).toMatch(/^PORT: /m);
      expect(problems.join('\n')).toMatch(/^NEO4J_URI: must be a bolt:\/\/ or neo4j:\/\/ URI/m);
      expect(problems.join('\n')).toMatch(/^LOG_LEVEL: /m);
      expect(problems.join('\n')).toMatch(/^NEO4J_PASSWORD: is required when NEO4J_URI is set/m);
    }
  });

  it('requires PSEUDONYM_SECRET in production when tokens are signed with a key pair', () => {
    const keyPair = { NODE_ENV: 'production', JWT_ALGORITHM: 'RS256', JWT_PUBLIC_KEY: '-----BEGIN PUBLIC KEY-----\nx\n-----END PUBLIC KEY-----' };
    for (const algorithm of ['RS256', 'ES256']) {
      try {
        parseConfig({ ...keyPair, JWT_ALGORITHM: algorithm });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as ConfigError).problems).toEqual([`PSEUDONYM_SECRET: is required in production with JWT_ALGORITHM=${algorithm}`]);
      }
    }
    const secret = 'p'.repeat(32);
    expect(parseConfig({ ...keyPair, PSEUDONYM_SECRET: secret }).pseudonymSecret).toBe(secret);
    // Outside production a random key still does, for a local run.
    expect(parseConfig({ ...keyPair, NODE_ENV: 'development' }).pseudonymSecret).toHaveLength(64);
  });

  it('makes the service exit non-zero before it starts anything', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
      env: { PATH: process.env.PATH, PORT: '-1', NEO4J_URI: 'nonsense' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Invalid configuration/);
    expect(run.stderr).toMatch(/PORT/);
    expect(run.stderr).toMatch(/NEO4J_URI/);
  });
});
