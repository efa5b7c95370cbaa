import { describe, expect, it } from 'vitest';
import { actorId } from '../helpers/seed-lookup.ts';
import { useTestService } from '../helpers/service.ts';

type Suggestion = { actor: { name: string }; score: number; reasons: { kind: string; detail: string }[] };

const query = 'query ($id: ID!) { partnerSuggestions(forId: $id, first: 20) { actor { name } score reasons { kind detail } } }';

// Partner suggestions on the seed network, judged as a strategist would judge them.
describe('partner suggestions on the seed network', () => {
  const { client } = useTestService();

  const initiativeId = async (name: string) => {
    const data = await client().data('query ($t: String!) { initiatives(filter: { text: $t }) { edges { node { id name } } } }', { t: name });
    return data.initiatives.edges.find((edge: { node: { name: string } }) => edge.node.name === name).node.id as string;
  };
  const suggestionsFor = async (id: string) => (await client().data<{ partnerSuggestions: Suggestion[] }>(query, { id })).partnerSuggestions;

  it('points Framtidens Fagersta first to Polisen, which works on prevention in Fagersta with the same kommun', async () => {
    const suggestions = await suggestionsFor(await initiativeId('Framtidens Fagersta'));
    expect(suggestions[0]!.actor.name).toBe('Polisen');
    expect(suggestions[0]!.reasons.map((reason) => reason.kind)).toEqual(['SHARED_THEME', 'SAME_MUNICIPALITY', 'COMMON_PARTNER']);
    expect(suggestions[0]!.reasons[0]!.detail).toMatch(/ANDT/);
    expect(suggestions[0]!.reasons[1]!.detail).toBe('Verkar i samma kommun: Fagersta');
    expect(suggestions[0]!.reasons[2]!.detail).toBe('Gemensamma samarbetspartner: Fagersta kommun');
    const names = suggestions.map((suggestion) => suggestion.actor.name);
    // Those already in the project, and the kommun's own units, are not news to it.
    for (const already of ['Fagersta kommun', 'Länsstyrelsen Västmanland', 'Kommunstyrelsen i Fagersta kommun', 'Ungdomscenter']) {
      expect(names).not.toContain(already);
    }
  });

  it('does not suggest to Avesta kommun the partners it already has in Vilka är vi?', async () => {
    const names = (await suggestionsFor(await actorId(client(), 'Avesta kommun'))).map((suggestion) => suggestion.actor.name);
    expect(names.length).toBeGreaterThan(0);
    expect(names).not.toContain('Orsa kommun');
    expect(names).not.toContain('Europeiska socialfonden');
    expect(names).not.toContain('Avesta kommun');
  });
});
