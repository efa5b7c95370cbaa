import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';
import { expect, expectNoSeriousA11yViolations, test } from './fixtures.ts';

interface GraphmlData {
  key: string;
  '#text': string | number;
}

/** The nodes of a GraphML file, each as its attributes by name (the keys the file declares). */
function graphmlNodes(text: string): Record<string, string>[] {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name, _path, _leaf, isAttribute) => !isAttribute && ['key', 'node', 'edge', 'data'].includes(name) });
  const document = parser.parse(text) as { graphml: { key: { id: string; 'attr.name': string }[]; graph: { node?: { id: string; data?: GraphmlData[] }[] } } };
  const names = new Map(document.graphml.key.map((key) => [key.id, key['attr.name']]));
  return (document.graphml.graph.node ?? []).map((node) =>
    Object.fromEntries([['id', node.id], ...(node.data ?? []).map((d) => [names.get(d.key)!, String(d['#text'])])]),
  );
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
    const nodes = graphmlNodes(readFileSync(await download.path(), 'utf8'));
    expect(nodes.length).toBeGreaterThan(0);
    expect(nodes.map((node) => node.type)).toContain('initiative');
    for (const node of nodes) expect(node.municipalities?.split(';'), `${node.name}'s kommuner`).toContain('2083');

    // Narrowed by a theme as well, the file holds only what works on it, and no more than before.
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
    for (const row of rows) expect(row).toContain(theme);
  });
});
