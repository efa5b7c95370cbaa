import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPageCost } from '../../server/research/export/export-charges.ts';
import { writeParticipations } from '../../server/repositories/participations.ts';
import { newId } from '../../server/shared/ids.ts';
import { ExportGraph } from '../../web/src/map/export-graph.ts';
import { graphLines } from '../../web/src/map/graph-lines.ts';
import { loadNetwork, type ReadProgress } from '../../web/src/map/load-network.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

// Oxelösund (0481) is used by no other test file.
const kommun = '0481';

/** How the map (web/src/map/load-network.ts) reads a kommun through GET /export, against the service itself. */
describe('the map reads the export', { timeout: 120_000 }, () => {
  const db = useTestDatabase();
  // Three pages of export a window for the public (actors, initiatives, participations): one read of
  // the kommun. A short window, so that a wait for the budget is short.
  const { client } = useTestService({
    QUERY_BUDGET_ANONYMOUS: String(3 * exportPageCost),
    QUERY_BUDGET_WINDOW_SECONDS: '6',
    TRUST_PROXY: 'loopback',
    NEO4J_QUERY_TIMEOUT_MS: '60000',
  });
  const token = uniqueToken('Kartläsning');
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const [first, second, alone] = await createOrganizations(db, [
      { name: `${token} förening`, municipalities: [kommun] },
      { name: `${token} bolag`, kind: 'BUSINESS', municipalities: [kommun] },
      { name: `${token} ensam`, municipalities: [kommun] },
    ]);
    const [whole] = await createInitiatives(db, [{ name: `${token} programmet`, start: '2019', municipalities: [kommun] }]);
    const [part] = await createInitiatives(db, [{ name: `${token} delprojektet`, start: '2020', municipalities: [kommun], partOf: whole }]);
    Object.assign(ids, { first, second, alone, whole, part });
    const participation = (actor: string, initiative: string, role: 'LEAD' | 'PARTNER') => ({
      id: newId(), actor, initiative, role, since: null, until: null, status: 'CONFIRMED' as const, sources: [],
    });
    await db.write((tx) =>
      writeParticipations(tx, [participation(first!, whole!, 'LEAD'), participation(first!, whole!, 'PARTNER'), participation(second!, part!, 'PARTNER')], {
        mode: 'create',
        author: 'test',
      }),
    );
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const sorted = (pairs: [string, string][]) => pairs.map((pair) => [...pair].sort().join(' ')).sort();

  it('draws the initiatives of the export and who takes part in them, a link per actor and initiative, and an initiative to the one it is a part of', async () => {
    const progress: ReadProgress[] = [];
    const { data, total, shown } = await loadNetwork({ municipality: kommun }, (p) => progress.push(p), new AbortController().signal, client().url);
    expect(data.nodes.map((node) => `${node.id} ${node.isInitiative}`).sort()).toEqual(
      [`${ids.first} false`, `${ids.second} false`, `${ids.whole} true`, `${ids.part} true`].sort(),
    );
    // The association in no initiative is in the export, but not on the map.
    expect(data.nodes.find((node) => node.id === ids.second)).toMatchObject({ name: `${token} bolag`, kind: 'BUSINESS' });
    // Two participations of one actor in one initiative are one link on the map.
    expect(sorted(data.links)).toEqual(sorted([[ids.first!, ids.whole!], [ids.second!, ids.part!], [ids.part!, ids.whole!]]));
    expect({ total, shown }).toEqual({ total: 2, shown: 2 });
    expect(progress.at(-1)).toMatchObject({ name: 'reading', nodes: 5, links: 2 });
    expect((progress.at(-1) as { bytes: number }).bytes).toBeGreaterThan(0);

    // Another export right after spends what the budget has regained meanwhile (or is refused itself), so
    // that the map's next read finds it spent: the service answers 429, and the map waits as long as it
    // asks, says so, and reads again.
    expect((await fetch(`${client().url}/export?format=edges.csv&municipality=${kommun}`).then((r) => r.text())).length).toBeGreaterThan(0);
    const again: ReadProgress[] = [];
    const second = await loadNetwork({ municipality: kommun }, (p) => again.push(p), new AbortController().signal, client().url);
    expect(again[0]).toMatchObject({ name: 'waiting' });
    expect((again[0] as { seconds: number }).seconds).toBeGreaterThanOrEqual(1);
    expect(sorted(second.data.links)).toEqual(sorted(data.links));
  });

  it('draws at most the bound of initiatives, with the actors in them, and refuses an answer cut short', async () => {
    // From another client than the test before, whose budget that test spent.
    const response = await fetch(`${client().url}/export?format=graphology.json&municipality=${kommun}`, { headers: { 'x-forwarded-for': '203.0.113.30' } });
    expect(response.status).toBe(200);
    const text = await response.text();
    const graph = new ExportGraph();
    for await (const item of graphLines(streamOf(text), () => {})) {
      if ('source' in item) graph.addParticipation(item.source, item.target);
      else graph.addNode(item.key, item.attributes);
    }
    // The first initiative the export holds (in id order), and only the actor that takes part in it.
    const first = [ids.whole!, ids.part!].sort()[0]!;
    const bounded = graph.build(1);
    expect(bounded.nodes.filter((node) => node.isInitiative).map((node) => node.id)).toEqual([first]);
    expect(bounded.nodes.filter((node) => !node.isInitiative).map((node) => node.id)).toEqual([first === ids.whole ? ids.first : ids.second]);
    expect(bounded.links).toHaveLength(1);

    // The same file without its last lines is an error, never a smaller network.
    const cut = text.slice(0, text.lastIndexOf('\n],'));
    const reading = (async () => {
      for await (const _ of graphLines(streamOf(cut), () => {}));
    })();
    await expect(reading).rejects.toThrow('nätverket kom inte fram helt');
  });
});

/** A body as a fetch answer gives it, in small chunks so that lines are split across them. */
function streamOf(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + 37));
      at += 37;
    },
  });
}
