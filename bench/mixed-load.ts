import autocannon, { type Request } from 'autocannon';
import { randomBytes } from 'node:crypto';
import { validOrganizationNumber } from '../test/helpers/organization-numbers.ts';

/**
 * A mixed read and write load on a running service: lists, searches and partner suggestions as
 * anonymous readers, profile updates by an admin, and registrations of new associations. Every write
 * the service acknowledges is recorded, so that a caller can check afterwards that none was lost.
 */
export interface MixedLoadOptions {
  url: string;
  adminToken: string;
  /** Organisations the admin updates, round robin. */
  organizationIds: string[];
  /** A subject for partner suggestions. */
  suggestionSubjectId: string;
  connections: number;
  durationSeconds: number;
}

export interface MixedLoadResult {
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  non2xx: number;
  /** Responses whose GraphQL errors were not expected in this load (any error at all). */
  graphqlErrors: string[];
  acknowledgedRegistrations: string[];
  acknowledgedUpdates: { id: string; description: string }[];
  /** Every update sent, acknowledged or not: one still in flight when the run ends may yet be written. */
  attemptedUpdates: { id: string; description: string }[];
}

const reads = [
  { query: '{ actors(first: 20, filter: { themes: ["integration"] }) { totalCount edges { node { name themes { key } } } } }' },
  { query: '{ initiatives(first: 20, filter: { counties: ["19"] }) { edges { node { name participants { role actor { name } } } } } }' },
  { query: '{ search(text: "integrationen", first: 10) { __typename } }' },
];

/** Sends each read once, so that Neo4j has planned every statement before the clock starts. */
async function warmUp(options: MixedLoadOptions): Promise<void> {
  const bodies = [
    ...reads,
    { query: 'query ($id: ID!) { partnerSuggestions(forId: $id, first: 10) { score } }', variables: { id: options.suggestionSubjectId } },
  ];
  for (const body of bodies) {
    await fetch(`${options.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }
}

export async function runMixedLoad(options: MixedLoadOptions): Promise<MixedLoadResult> {
  await warmUp(options);
  const graphqlErrors: string[] = [];
  const acknowledgedRegistrations: string[] = [];
  const acknowledgedUpdates: { id: string; description: string }[] = [];
  const attemptedUpdates: { id: string; description: string }[] = [];
  let counter = 0;
  const json = { 'content-type': 'application/json' };

  const check = (body: string) => {
    const parsed = JSON.parse(body) as { data?: Record<string, { id?: string; description?: string } | null>; errors?: { extensions?: { code?: string } }[] };
    if (parsed.errors?.length) graphqlErrors.push(parsed.errors.map((e) => e.extensions?.code ?? 'UNKNOWN').join(','));
    return parsed.data;
  };

  const result = await autocannon({
    url: `${options.url}/graphql`,
    connections: options.connections,
    duration: options.durationSeconds,
    method: 'POST',
    requests: [
      ...reads.map((read) => ({
        method: 'POST' as const,
        headers: json,
        body: JSON.stringify(read),
        onResponse: (_status: number, body: string) => void check(body),
      })),
      {
        method: 'POST' as const,
        headers: json,
        body: JSON.stringify({
          query: 'query ($id: ID!) { partnerSuggestions(forId: $id, first: 10) { score actor { name } } }',
          variables: { id: options.suggestionSubjectId },
        }),
        onResponse: (_status: number, body: string) => void check(body),
      },
      {
        method: 'POST' as const,
        headers: { ...json, authorization: `Bearer ${options.adminToken}` },
        setupRequest: (request: Request) => {
          const n = counter++;
          const id = options.organizationIds[n % options.organizationIds.length]!;
          attemptedUpdates.push({ id, description: `last ${n}` });
          request.body = JSON.stringify({
            // Name and description carry the same number, so that a mix of two updates would show.
            query: 'mutation ($id: ID!, $n: String!, $d: String!) { updateOrganization(id: $id, input: { name: $n, description: $d, source: { title: "Lastprov", publisher: "Samverkan" } }) { id description } }',
            variables: { id, n: `Lastprov organisation ${n}`, d: `last ${n}` },
          });
          return request;
        },
        onResponse: (_status: number, body: string) => {
          const updated = check(body)?.updateOrganization;
          if (updated?.id && updated.description) acknowledgedUpdates.push({ id: updated.id, description: updated.description });
        },
      },
      {
        method: 'POST' as const,
        headers: json,
        setupRequest: (request: Request) => {
          const unique = randomBytes(6).toString('hex');
          request.body = JSON.stringify({
            query: 'mutation ($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id } }',
            variables: {
              input: {
                name: `Lastprov ${unique}`,
                organizationNumber: validOrganizationNumber(),
                municipality: '2418',
                themes: ['fritid'],
                email: `last-${unique}@example.org`,
                password: 'lastprovets-lösenord-1',
              },
            },
          });
          return request;
        },
        onResponse: (_status: number, body: string) => {
          const id = check(body)?.registerAssociation?.id;
          if (id) acknowledgedRegistrations.push(id);
        },
      },
    ],
  });

  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    non2xx: result.non2xx,
    graphqlErrors,
    acknowledgedRegistrations,
    acknowledgedUpdates,
    attemptedUpdates,
  };
}
