import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import organisationsnummerModule from 'organisationsnummer';
import { describe, expect, it } from 'vitest';
import { OperationLoad, type LoadTarget } from '../../bench/harness/load.ts';
import { typedSoFar } from '../../bench/harness/data.ts';
import { roundLength } from '../../bench/harness/measure.ts';
import { floorRequests, nthRequest, oursRequests, registrationMark, type Samples } from '../../bench/harness/operations.ts';
import { parseBenchOptions } from '../../bench/harness/options.ts';
import { ratioOf } from '../../bench/harness/report.ts';
import { associationNumber } from '../../bench/synthetic/organization-numbers.ts';

const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

const samples: Samples = {
  profileIds: ['p1', 'p2'],
  suggestionIds: ['s1'],
  listFilters: [{ county: '19', theme: 'andt' }],
  counties: ['19', '20', '01'],
  searchTexts: ['integration'],
  prefixTexts: ['integr'],
  municipalities: ['1982', '2062'],
  themes: ['andt', 'integration'],
  registrationNumber: (n) => associationNumber(1_000_000 + n, 7),
};

describe('the benchmark command line', () => {
  it('has defaults for every option', () => {
    expect(parseBenchOptions([])).toMatchObject({ scale: 1, connections: 8, servers: ['ours', 'peer', 'floor'], scales: [0.25, 1, 4] });
  });

  it('reads lists and numbers', () => {
    const options = parseBenchOptions(['--scale', '0.25', '--operations', 'suggestions,overlaps', '--scales', '1,4']);
    expect(options).toMatchObject({ scale: 0.25, operations: ['suggestions', 'overlaps'], scales: [1, 4] });
  });

  it('names every bad option', () => {
    expect(() => parseBenchOptions(['--connections', '0', '--operations', 'profile,teleport'])).toThrow(/--connections[\s\S]*--operations/);
    expect(() => parseBenchOptions(['--colour', 'blue'])).toThrow(/colour/);
    expect(() => parseBenchOptions(['--scale'])).toThrow(/--option value/);
  });
});

describe('the benchmark requests', () => {
  it('cycle through the samples, the same question for every server', () => {
    const ours = [0, 1, 2, 3].map((n) => JSON.parse(nthRequest(oursRequests, 'overlaps', samples, n).body!).variables.county);
    const floor = [0, 1, 2, 3].map((n) => new URLSearchParams(nthRequest(floorRequests, 'overlaps', samples, n).path.split('?')[1]).get('county'));
    expect(ours).toEqual(['19', '20', '01', '19']);
    expect(floor).toEqual(ours);
  });

  it('ask the floor for a prefix search, and the service for the same text', () => {
    expect(JSON.parse(nthRequest(oursRequests, 'prefix', samples, 0).body!).variables.text).toBe('integr');
    const floor = new URLSearchParams(nthRequest(floorRequests, 'prefix', samples, 0).path.split('?')[1]);
    expect(Object.fromEntries(floor)).toEqual({ text: 'integr', prefix: 'true' });
    expect(typedSoFar('integration')).toBe('integra');
    expect(typedSoFar('barn')).toBe('bar');
  });

  it('register a new, valid organisation each time, marked for removal', () => {
    const inputs = Array.from({ length: 200 }, (_, n) => JSON.parse(nthRequest(oursRequests, 'register', samples, n).body!).variables.input);
    expect(new Set(inputs.map((input) => input.organizationNumber)).size).toBe(200);
    expect(new Set(inputs.map((input) => input.email)).size).toBe(200);
    for (const input of inputs) {
      expect(Organisationsnummer.valid(input.organizationNumber)).toBe(true);
      expect(input.email).toContain(registrationMark);
    }
  });
});

describe('the ratios reported', () => {
  it('keep two decimals, and two significant digits where two decimals would print 0', () => {
    expect(ratioOf(268.3, 146.7)).toBe(1.83);
    expect(ratioOf(10, 6)).toBe(1.67);
    expect(ratioOf(25, 8575)).toBe(0.0029);
    expect(ratioOf(79, 878)).toBe(0.09);
    expect(ratioOf(undefined, 6)).toBeNull();
    expect(ratioOf(5, 0)).toBeNull();
  });
});

describe('the measured rounds', () => {
  it('split a timed length evenly and a counted one into parts that add up to the whole', () => {
    const options = parseBenchOptions(['--duration', '15', '--requests', '10']);
    expect([0, 1, 2].map((round) => roundLength(options, 'profile', round, 3))).toEqual([{ seconds: 5 }, { seconds: 5 }, { seconds: 5 }]);
    const parts = [0, 1, 2].map((round) => roundLength(options, 'suggestions', round, 3));
    expect(parts.map((part) => ('requests' in part ? part.requests : 0)).reduce((a, b) => a + b)).toBe(10);
    expect(roundLength(options, 'suggestions', 0, 1)).toEqual({ requests: 10 });
  });

  /**
   * A server that answers 200, or 500 while `failing` says so, counting what it answers, and a load target
   * for it; `settle` runs between stretches of load, where a test may change what the server does next.
   */
  async function withCountingServer(test: (server: { answered: () => number; fail: (failing: boolean) => void; target: LoadTarget }) => Promise<void>) {
    let answered = 0;
    let failing = false;
    const server = createServer((_request, response) => {
      answered++;
      response.writeHead(failing ? 500 : 200, { 'content-type': 'application/json' }).end(failing ? 'down' : '{"data":{}}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const target: LoadTarget = {
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        pid: process.pid,
        connections: 2,
        nextRequest: () => ({ method: 'POST' as const, path: '', body: '{}' }),
        settle: async () => {},
      };
      await test({ answered: () => answered, fail: (value) => (failing = value), target });
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it('are reported as one set of figures over every round, the warm-up left out', () =>
    withCountingServer(async ({ answered, fail, target }) => {
      const load = await OperationLoad.warmUp(target, [{ requests: 2 }]);
      expect(answered()).toBe(2);
      await load.measureRound({ requests: 5 });
      fail(true);
      await load.measureRound({ requests: 7 });
      const figures = load.figures();
      expect(answered()).toBe(2 + 12);
      expect(figures.requests).toBe(12);
      expect(figures.errors).toBe(7);
      expect(figures.firstError).toMatch(/^500 down/);
      expect(figures.rssMb).toBeGreaterThan(0);
    }));

  it('start with uncounted requests when asked to, which neither their time nor their errors enter', () =>
    withCountingServer(async ({ answered, fail, target }) => {
      const load = await OperationLoad.warmUp(
        {
          ...target,
          // The uncounted requests of the second round fail; the round's own do not.
          settle: async () => fail(answered() === 2 + 3 + 4),
          roundWarmUp: { requests: 3 },
        },
        [{ requests: 2 }],
      );
      await load.measureRound({ requests: 4 });
      await load.measureRound({ requests: 6 });
      const figures = load.figures();
      expect(answered()).toBe(2 + (3 + 4) + (3 + 6));
      expect(figures.requests).toBe(10);
      expect(figures.errors).toBe(0);
    }));
});
