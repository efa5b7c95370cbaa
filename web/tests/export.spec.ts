import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';

interface GraphmlData {
  key: string;
  '#text': string | number;
}

/** The nodes of a GraphML file, each as its attributes by name (the keys the file declares), and its edges. */
function parseGraphml(text: string) {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name) });
  const document = parser.parse(text) as {
    graphml: { key: { id: string; 'attr.name': string }[]; graph: { node?: { id: string; data?: GraphmlData[] }[]; edge?: { source: string; target: string }[] } };
  };
  const names = new Map(document.graphml.key.map((key) => [key.id, key['attr.name']]));
  const nodes: Record<string, string>[] = (document.graphml.graph.node ?? []).map((node) =>
    Object.fromEntries([['id', node.id], ...(node.data ?? []).map((d) => [names.get(d.key)!, String(d['#text'])])]),
  );
  return { nodes, edges: document.graphml.graph.edge ?? [] };
}

test.describe('the export button', () => {
  test('downloads the network of the map’s kommun and theme as GraphML, every node within the filters', async ({ page }) => {
    await page.goto('/karta?lan=20&kommun=2083');
    const form = page.getByRole('form', { name: 'Exportera nätverket' });
    await expect(form.getByLabel('Exportformat')).toHaveValue('graphml');
    await expectNoSeriousA11yViolations(page);
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Exportera' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^samverkan-\d{4}-\d{2}-\d{2}\.graphml$/);
    expect(new URL(download.url()).searchParams.get('municipality')).toBe('2083');
    const { nodes, edges } = parseGraphml(readFileSync(await download.path(), 'utf8'));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.map((node) => node.type)).toContain('initiative');
    // Every initiative is in the kommun; an actor is there too, or takes part in one of them.
    const linked = new Set(edges.map((edge) => edge.source));
    for (const node of nodes) {
      if (node.type === 'initiative' || !linked.has(node.id!)) expect(node.municipalities?.split(';'), `${node.name}'s kommuner`).toContain('2083');
    }

    // Narrowed by a theme as well, the file holds initiatives that work on it, and no more nodes than before.
    const theme = nodes.find((node) => node.type === 'initiative')!.themes!.split(';')[0]!;
    await page.getByLabel('Tema').selectOption(theme);
    await expect(page).toHaveURL(new RegExp(`tema=${theme}`));
    await form.getByLabel('Exportformat').selectOption('nodes.csv');
    const [csv] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Exportera' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.nodes\.csv$/);
    const [header, ...rows] = readFileSync(await csv.path(), 'utf8').trim().split('\n');
    expect(header).toMatch(/^id,type,kind,name,/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(nodes.length);
    // The first columns are an id and a type, never quoted; an initiative's themes are further on in its row.
    const initiatives = rows.filter((row) => row.split(',')[1] === 'initiative');
    expect(initiatives.length).toBeGreaterThan(0);
    for (const row of initiatives) expect(row).toContain(theme);
  });
});
