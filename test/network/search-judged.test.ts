import { describe, expect, it } from 'vitest';
import { useTestService } from '../helpers/service.ts';
import { judgements } from './search-judgements.ts';

const searchQuery = `query ($text: String!) { search(text: $text, first: 10) { ... on Organization { name } ... on Person { name } ... on Initiative { name } } }`;

/** The mean reciprocal rank the judged queries must reach: most answered first, the rest close behind. */
const REQUIRED_MRR = 0.9;

describe('search over the seed network, judged', () => {
  const { client } = useTestService();

  it(`ranks what a person expects first (mean reciprocal rank at least ${REQUIRED_MRR})`, async () => {
    expect(judgements.length).toBeGreaterThanOrEqual(40);
    const ranks: { query: string; rank: number | null; top: string[] }[] = [];
    for (const { query, expected } of judgements) {
      const names = ((await client().data(searchQuery, { text: query })).search as { name: string }[]).map((hit) => hit.name);
      const index = names.findIndex((name) => expected.includes(name));
      ranks.push({ query, rank: index < 0 ? null : index + 1, top: names.slice(0, 3) });
    }
    const mrr = ranks.reduce((sum, { rank }) => sum + (rank ? 1 / rank : 0), 0) / ranks.length;
    const misses = ranks.filter(({ rank }) => rank !== 1);
    console.log(
      `search MRR ${mrr.toFixed(3)} over ${ranks.length} judged queries; not first:\n` +
        misses.map(({ query, rank, top }) => `  ${JSON.stringify(query)}: ${rank ?? 'not found'} (top: ${top.join(' | ')})`).join('\n'),
    );
    expect(mrr).toBeGreaterThanOrEqual(REQUIRED_MRR);
  });
});
