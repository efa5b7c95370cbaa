import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../server/shared/ids.ts';
import { useTestDatabase } from '../helpers/database.ts';
import { createInitiatives, createOrganizations, createParticipations, removeNodes, uniqueToken } from '../helpers/fixtures.ts';
import { useTestService } from '../helpers/service.ts';

type Suggestion = { actor: { id: string; name: string }; score: number; reasons: { kind: string; detail: string }[] };

const suggestionsQuery = `query ($id: ID!, $first: Int) { partnerSuggestions(forId: $id, first: $first) { actor { id name } score reasons { kind detail } } }`;
const pathQuery = `query ($from: ID!, $to: ID!, $maxHops: Int) { path(fromId: $from, toId: $to, maxHops: $maxHops) {
  length steps { via actor { name } initiative { name } } } }`;

// Pajala (2521) and the theme "bostad" keep this file's actors apart from the seed and other files.
describe('partner suggestions and paths', () => {
  const db = useTestDatabase();
  const { client } = useTestService();
  const token = uniqueToken('Partner');
  const ids: Record<string, string> = {};
  const n = (name: string) => `${token} ${name}`;

  beforeAll(async () => {
    const [subject, partner, partnersPartner, neighbour, familyMember, claimant, pending] = await createOrganizations(db, [
      { name: n('Subjekt'), themes: ['bostad'], municipalities: ['2521'] },
      { name: n('Partner'), municipalities: ['2521'] },
      { name: n('Partnerns partner') },
      { name: n('Granne'), themes: ['bostad'], municipalities: ['2521'] },
      { name: n('Familjemedlem') },
      { name: n('Anspråk') },
      { name: n('Väntande'), status: 'PENDING', themes: ['bostad'], municipalities: ['2521'] },
    ]);
    const [shared, other] = await createInitiatives(db, [
      { name: n('Gemensamt projekt'), themes: ['bostad'], municipalities: ['2521'], start: '2024' },
      { name: n('Annat projekt'), start: '2024' },
    ]);
    const [part] = await createInitiatives(db, [{ name: n('Delprojekt'), partOf: shared, start: '2024' }]);
    await createParticipations(db, [
      { actor: subject!, initiative: shared!, role: 'LEAD' },
      { actor: partner!, initiative: shared!, role: 'PARTNER' },
      { actor: partner!, initiative: other!, role: 'LEAD' },
      { actor: partnersPartner!, initiative: other!, role: 'PARTNER' },
      { actor: familyMember!, initiative: part!, role: 'IMPLEMENTING' },
      { actor: claimant!, initiative: other!, role: 'MEMBER', status: 'CLAIMED' },
      // A partner of the subject, and of the partner's partner, that only its own account may see yet.
      { actor: pending!, initiative: shared!, role: 'PARTNER' },
      { actor: pending!, initiative: other!, role: 'PARTNER' },
    ]);
    Object.assign(ids, { subject, partner, partnersPartner, neighbour, familyMember, claimant, pending, shared, other, part });
  });
  afterAll(() => removeNodes(db, Object.values(ids)));

  const suggestionsFor = async (id: string) =>
    (await client().data<{ partnerSuggestions: Suggestion[] }>(suggestionsQuery, { id, first: 50 })).partnerSuggestions;

  it('suggests, for an actor, those it does not yet work with, each with its reasons, best first', async () => {
    const suggestions = await suggestionsFor(ids.subject!);
    const byName = new Map(suggestions.map((s) => [s.actor.name, s]));
    expect(byName.get(n('Granne'))?.reasons).toEqual([
      { kind: 'SHARED_THEME', detail: 'Arbetar också med Bostad' },
      { kind: 'SAME_MUNICIPALITY', detail: 'Verkar i samma kommun: Pajala' },
    ]);
    // Väntande is a common partner too, but a pending one: neither named nor counted.
    expect(byName.get(n('Partnerns partner'))?.reasons).toEqual([{ kind: 'COMMON_PARTNER', detail: `Gemensamma samarbetspartner: ${n('Partner')}` }]);
    expect(byName.get(n('Partnerns partner'))?.score).toBe(1.5);
    expect(byName.get(n('Familjemedlem'))?.reasons).toEqual([{ kind: 'SAME_INITIATIVE_FAMILY', detail: `Deltar i samma satsning: ${n('Gemensamt projekt')}` }]);
    expect(byName.get(n('Granne'))?.score).toBe(3);
    expect(byName.has(n('Partner'))).toBe(false);
    expect(byName.has(n('Subjekt'))).toBe(false);
    expect(byName.has(n('Väntande'))).toBe(false);
    expect(byName.has(n('Anspråk'))).toBe(false);
    const scores = suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
  });

  it('suggests, for an initiative, actors outside it', async () => {
    const names = (await suggestionsFor(ids.shared!)).map((s) => s.actor.name);
    expect(names).toEqual(expect.arrayContaining([n('Granne'), n('Partnerns partner'), n('Familjemedlem')]));
    expect(names).not.toContain(n('Subjekt'));
    expect(names).not.toContain(n('Partner'));
  });

  it('gives nothing for an id that names nothing, and refuses a malformed one', async () => {
    expect(await suggestionsFor(newId())).toEqual([]);
    const response = await client().graphql(suggestionsQuery, { id: 'DROP' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'forId' });
  });

  it('finds how two actors are connected, through which initiatives and roles', async () => {
    const data = await client().data(pathQuery, { from: ids.subject, to: ids.partnersPartner });
    expect(data.path).toEqual({
      length: 4,
      steps: [
        { via: null, actor: { name: n('Subjekt') }, initiative: null },
        { via: 'LEAD', actor: null, initiative: { name: n('Gemensamt projekt') } },
        { via: 'PARTNER', actor: { name: n('Partner') }, initiative: null },
        { via: 'LEAD', actor: null, initiative: { name: n('Annat projekt') } },
        { via: 'PARTNER', actor: { name: n('Partnerns partner') }, initiative: null },
      ],
    });
  });

  it('answers null beyond maxHops, through unconfirmed claims, or to an actor the caller may not see', async () => {
    expect((await client().data(pathQuery, { from: ids.subject, to: ids.partnersPartner, maxHops: 1 })).path).toBeNull();
    expect((await client().data(pathQuery, { from: ids.subject, to: ids.claimant })).path).toBeNull();
    expect((await client().data(pathQuery, { from: ids.subject, to: ids.pending })).path).toBeNull();
    const response = await client().graphql(pathQuery, { from: ids.subject, to: ids.partner, maxHops: 7 });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'maxHops' });
  });
});
