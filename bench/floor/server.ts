/**
 * The floor of the benchmark: the same questions as hand-written Cypher through the driver, behind a bare
 * node:http endpoint with no framework, no GraphQL and no checks beyond what the Cypher needs.
 *
 *   GET /profile?id=…  GET /list?county=…&theme=…  GET /suggestions?id=…  GET /overlaps?county=…
 *   GET /search?text=…[&prefix=true]  POST /register {name, organizationNumber, municipality, themes, description, email, password, phone}
 *   POST /update-organization {id, description}: the profile edit as one statement with its audit entry, no history
 *   POST /create-initiative {kind, name, description, start, themes, municipalities, source}
 *   POST /add-participation {actorId, initiativeId, role, since, source}: each one statement with its audit entry, no history
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j, { int, type Driver } from 'neo4j-driver';
import { hashPassword } from '../../server/auth/passwords.ts';
import { anyWordQuery } from '../../server/shared/fulltext.ts';
import {
  addParticipationCypher,
  createInitiativeCypher,
  lastWordAsPrefix,
  listCypher,
  overlapsCypher,
  partnerSuggestionsCypher,
  profileCypher,
  registerCypher,
  searchCypher,
  updateOrganizationCypher,
  withNewIds,
} from './queries.ts';

type Handler = (url: URL, body: unknown) => Promise<unknown>;

const today = () => new Date().toISOString().slice(0, 10);

async function write(driver: Driver, text: string, parameters: Record<string, unknown>): Promise<unknown> {
  const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
  try {
    return await session.executeWrite(async (tx) => (await tx.run(text, parameters)).records[0]?.get('id'));
  } finally {
    await session.close();
  }
}

async function read(driver: Driver, text: string, parameters: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    return await session.executeRead(async (tx) => (await tx.run(text, parameters)).records.map((record) => record.toObject()));
  } finally {
    await session.close();
  }
}

function routes(driver: Driver): Record<string, Handler> {
  const param = (url: URL, name: string) => url.searchParams.get(name) ?? '';
  return {
    'GET /profile': async (url) => (await read(driver, profileCypher, { id: param(url, 'id') }))[0]?.profile ?? null,
    'GET /list': (url) => read(driver, listCypher, { county: param(url, 'county'), theme: param(url, 'theme'), first: int(50) }),
    'GET /suggestions': (url) => read(driver, partnerSuggestionsCypher, { id: param(url, 'id'), first: int(10) }),
    'GET /overlaps': (url) => read(driver, overlapsCypher, { county: param(url, 'county'), today: today(), first: int(20) }),
    'GET /search': (url) => {
      const query = anyWordQuery(param(url, 'text'));
      return read(driver, searchCypher, { query: param(url, 'prefix') === 'true' ? lastWordAsPrefix(query) : query, first: int(20) });
    },
    'POST /update-organization': (_url, body) => {
      const { id, description } = body as { id: string; description: string };
      return write(driver, updateOrganizationCypher, { id, description, entry: randomUUID() });
    },
    'POST /create-initiative': (_url, body) => write(driver, createInitiativeCypher, withNewIds(body as Record<string, unknown>)),
    'POST /add-participation': (_url, body) => write(driver, addParticipationCypher, withNewIds(body as Record<string, unknown>)),
    'POST /register': async (_url, body) => {
      const input = body as Record<string, string | string[] | undefined>;
      const email = String(input.email).toLowerCase();
      const parameters = {
        o: { id: randomUUID(), name: input.name, description: input.description ?? null, organizationNumber: input.organizationNumber, email, phone: input.phone ?? null },
        account: { id: randomUUID(), email, passwordHash: await hashPassword(String(input.password)) },
        municipality: input.municipality,
        themes: input.themes,
      };
      const session = driver.session({ defaultAccessMode: neo4j.session.WRITE });
      try {
        return await session.executeWrite(async (tx) => (await tx.run(registerCypher, parameters)).records[0]?.get('organization'));
      } finally {
        await session.close();
      }
    },
  };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : null;
}

function send(response: ServerResponse, status: number, payload: unknown) {
  const body = JSON.stringify(payload);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const uri = process.env.NEO4J_URI;
if (!uri) {
  console.error('NEO4J_URI must name the Neo4j to serve');
  process.exit(2);
}
const driver = neo4j.driver(uri, neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? 'neo4j'), {
  disableLosslessIntegers: true,
});
const handlers = routes(driver);

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://floor');
  const handler = handlers[`${request.method} ${url.pathname}`];
  if (!handler) return send(response, 404, { error: 'no such route' });
  readBody(request)
    .then((body) => handler(url, body))
    .then((result) => send(response, 200, result))
    .catch((error: Error) => send(response, 500, { error: error.message }));
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`FLOOR_READY http://127.0.0.1:${port}`);
});

process.on('SIGTERM', () => {
  server.close();
  void driver.close().then(() => process.exit(0));
});
