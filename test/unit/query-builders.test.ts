import { describe, expect, it } from 'vitest';
import { buildActorPage } from '../../server/actors/actor-query.ts';
import { viewerParameter } from '../../server/auth/visibility.ts';
import { anonymousViewer } from '../../server/auth/viewer.ts';
import { buildInitiativePage } from '../../server/initiatives/initiative-query.ts';
import { buildOverlapNames } from '../../server/network/overlap-query.ts';
import { buildPartnerActors } from '../../server/network/partner-query.ts';
import { buildPath } from '../../server/network/path-query.ts';
import { buildSearchCandidates, planSearch } from '../../server/network/search-query.ts';
import { parsePartialDate } from '../../server/shared/partial-date.ts';

const hostile = `x' }) DETACH DELETE n //`;
const viewer = viewerParameter(anonymousViewer);

describe('Cypher builders', () => {
  it('keeps every actor filter value out of the statement text', () => {
    const { page, count } = buildActorPage(
      { kinds: ['ASSOCIATION'], themes: ['andt'], municipalities: ['1982'], counties: ['19'], text: hostile },
      { first: 20, after: { id: hostile } },
      viewer,
    );
    for (const statement of [page, count]) {
      expect(statement.text).not.toContain(hostile);
      expect(statement.text).not.toContain('1982');
      expect(statement.text).not.toContain("'andt'");
    }
    expect(page.text).toContain('a.kind IN $kinds');
    expect(page.text).toContain('t.key IN $themes');
    expect(page.text).toContain('m.code IN $municipalities');
    expect(page.text).toContain('c.code IN $counties');
    expect(page.text).toContain("db.index.fulltext.queryNodes('actor_text', $text)");
    expect(page.parameters).toMatchObject({ kinds: ['ASSOCIATION'], themes: ['andt'], municipalities: ['1982'], counties: ['19'] });
    expect(page.parameters!.after).toBe(hostile);
    expect(Number(page.parameters!.limit)).toBe(21);
  });

  it('adds only the clauses of the filters that are present', () => {
    const { page } = buildActorPage({}, { first: 5, after: null }, viewer);
    expect(page.text).toContain('\nMATCH (a:Actor)');
    expect(page.text).not.toContain('$themes');
    expect(page.text).not.toContain('fulltext');
  });

  it('escapes Lucene syntax in full-text input and passes it as a parameter', () => {
    const { page } = buildActorPage({ text: 'ANDT (Fagersta) OR *' }, { first: 5, after: null }, viewer);
    expect(page.parameters!.text).toBe('+ANDT +\\(Fagersta\\) +or +\\*');
    const search = buildSearchCandidates(planSearch('integration: "unga" Hedemora 802000-1111'), 10, viewer)!;
    // The prefix (the last word as typed so far) is asked of names only, not of the Swedish text.
    expect(search.parameters!.textQueries).toEqual(['integration\\: \\"unga\\" Hedemora']);
    expect(search.parameters!.nameQueries).toEqual(['(integration^4 integration~1) (unga^4) (hedemora^4 hedemora*^2 hedemora~1)']);
    expect(search.parameters).toMatchObject({ numbers: ['802000-1111'], municipalities: ['2083'] });
    for (const value of ['unga', 'Hedemora', '2083', '802000']) expect(search.text).not.toContain(value);
  });

  it('turns activeOn into date bounds that are parameters, and shows only the initiatives the viewer may see', () => {
    const { page, count } = buildInitiativePage({ activeOn: parsePartialDate('2020-05')! }, { first: 10, after: null }, viewer);
    for (const statement of [page, count]) expect(statement.text).toContain('i.status IN $viewer.status.initiative.everyone');
    expect(page.text).toContain('coalesce(i.startFirst, i.endLast) <= date($activeLast)');
    expect(page.parameters).toMatchObject({ activeFirst: '2020-05-01', activeLast: '2020-05-31' });
    expect(page.text).not.toContain('2020');
  });

  it('names overlaps and builds paths from parameters only', () => {
    const overlaps = buildOverlapNames([{ a: hostile, b: 'b', score: 2.5, overlappingDays: 30 }], viewer);
    expect(overlaps.text).not.toContain(hostile);
    expect(overlaps.parameters).toEqual({ pairs: [{ a: hostile, b: 'b' }], viewer });
    expect(overlaps.text).toContain("MATCH (revision:Revision {name: 'network'})");
    const path = buildPath(hostile, 'b', 3, viewer);
    expect(path.text).not.toContain(hostile);
    expect(path.parameters).toMatchObject({ from: hostile, to: 'b', maxLength: 6 });
  });

  it('reads suggested partners from parameters only, with the revision and visibility checked again', () => {
    const statement = buildPartnerActors([hostile, 'other'], viewer);
    expect(statement.text).not.toContain(hostile);
    expect(statement.parameters).toEqual({ actorIds: [hostile, 'other'], viewer });
    expect(statement.text).toContain("MATCH (revision:Revision {name: 'network'})");
    expect(statement.text.match(/\$viewer\.all/g)).toHaveLength(2); // the candidate's organisation and person arms
  });
});
