import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { withRedaction } from '../../server/logging/redaction.ts';

describe('log redaction', () => {
  const capture = () => {
    const lines: string[] = [];
    const logger = withRedaction(pino({ base: null }, { write: (line: string) => void lines.push(line) }));
    return { logger, text: () => lines.join('') };
  };

  it('redacts sensitive keys wherever they sit in a logged object', () => {
    const { logger, text } = capture();
    logger.info({ input: { email: 'anna@example.org', password: 'hemligt-1' }, variables: { n: 'x' }, token: 'abc.def' }, 'a line');
    expect(text()).not.toMatch(/anna@example\.org|hemligt-1|abc\.def|"n"/);
    expect(text()).toContain('[Redacted]');
  });

  it('scrubs e-mail addresses, bearer tokens, JWTs and URI passwords from errors and their causes', () => {
    const { logger, text } = capture();
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const cause = new Error(`Authorization: Bearer ${jwt} for bolt://neo4j:lösen123@db:7687`);
    logger.error({ err: new Error("Node already exists with property `email` = 'anna@example.org'", { cause }) }, 'failed');
    expect(text()).not.toMatch(/anna@example\.org|eyJhbGci|lösen123/);
    expect(text()).toContain('already exists');
  });
});
