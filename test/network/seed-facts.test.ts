import { describe, expect, it } from 'vitest';
import { mergeSeedDocuments } from '../../seeds/loader/merge.ts';
import { readSeedDocuments } from '../../seeds/loader/network-files.ts';
import { queryLimits } from '../../server/graphql/limits.ts';
import { stableId } from '../../server/shared/ids.ts';
import {
  actorId,
  actorNamed,
  actorNames,
  documentsOf,
  initiativeNamed,
  municipalityCodes,
  themeKeys,
  type Node,
} from '../helpers/seed-lookup.ts';
import { useTestService, type TestClient } from '../helpers/service.ts';

/**
 * The facts of the five seed documents (/work/shared/seed-documents), read back through the API as an
 * anonymous caller. Each expectation comes from what the document says; names of entities follow the
 * seed network's naming, which is how a client finds them (ids are opaque). Only the check over the whole
 * seed asks by id, for the ids the loader derives from the seed files' keys.
 */

const DOC = {
  framtidensFagersta: '000_cc4a008423664068.txt',
  medborgarlofte: '001_eaae06c3e26c926f.txt',
  vilkaArVi: '002_7dc22d0f892f424a.txt',
  hedemora: '003_8249fefe3391b9a2.txt',
  markaryd: '004_5a7f0022eb1bff29.txt',
} as const;

/** Each document as a Source: its own headline, who published it, and the date it states (if any). */
const SOURCE = {
  framtidensFagersta: { document: DOC.framtidensFagersta, title: 'Tillsammans skapar vi Framtidens Fagersta!', publisher: 'Fagersta kommun', published: null },
  medborgarlofte: { document: DOC.medborgarlofte, title: 'Förnyat medborgarlöfte september-november', publisher: 'Fagersta kommun', published: '2020-09-08' },
  vilkaArVi: { document: DOC.vilkaArVi, title: 'Avesta kommun får 4,7 miljoner för integrationsprojekt', publisher: 'Avesta kommun', published: null },
  hedemora: { document: DOC.hedemora, title: 'Integration – det handlar om att mötas!', publisher: 'Hedemora kommun', published: '2018-10-09' },
  markaryd: { document: DOC.markaryd, title: 'Vad är Initiativ trygghet?', publisher: 'Markaryds kommun', published: null },
} as const;

const SOURCES = 'sources { document title publisher published }';
const PARTICIPANTS = 'participants { role status actor { name kind } sources { document } }';
const PERSON_FIELDS = `name kind sources { document } ... on Person { title organization { name } contact { email phone } }`;

const VILKA_AR_VI = 'Vilka är vi? För ett inkluderande och hållbart arbetsliv';
const MEDBORGARLOFTE = 'Medborgarlöfte i Fagersta';
const JUNI_AUGUSTI = 'Medborgarlöfte juni–augusti 2020';
const SEPTEMBER_NOVEMBER = 'Förnyat medborgarlöfte september–november 2020';

/** The names of the participants in one role, sorted. */
function inRole(participants: Node[], role: string): string[] {
  return actorNames(participants.filter((participation) => participation.role === role) as { actor: { name: string } }[]);
}

/** The one element of a list whose name is `name`; fails the test when there is not exactly one. */
function named(list: Node[], name: string): Node {
  const matches = list.filter((item) => item.name === name);
  expect(matches.map((item) => item.name), `exactly one "${name}" among ${JSON.stringify(list.map((item) => item.name))}`).toEqual([name]);
  return matches[0]!;
}

/**
 * The ids the loader gives the seed files' actors and initiatives. The database is shared with test
 * files that add actors and initiatives of their own at any moment, so questions about the seed as a
 * whole ask for these and nothing else.
 */
function seedFileIds(): { actors: string[]; initiatives: string[] } {
  const network = mergeSeedDocuments(readSeedDocuments());
  return {
    actors: [...network.organizations, ...network.people].map((actor) => stableId('Actor', actor.key)),
    initiatives: network.initiatives.map((initiative) => stableId('Initiative', initiative.key)),
  };
}

/** `actor(id)` or `initiative(id)` for every id, as many to a query as the API's alias limit allows; those the caller may see. */
async function visibleByIds(client: TestClient, field: 'actor' | 'initiative', ids: string[], selection: string): Promise<Node[]> {
  const visible: Node[] = [];
  for (let start = 0; start < ids.length; start += queryLimits.maxAliases) {
    const batch = ids.slice(start, start + queryLimits.maxAliases);
    const query = `query (${batch.map((_, n) => `$id${n}: ID!`).join(', ')}) {
      ${batch.map((_, n) => `n${n}: ${field}(id: $id${n}) { ${selection} }`).join('\n')}
    }`;
    const data = await client.data<Record<string, Node | null>>(query, Object.fromEntries(batch.map((id, n) => [`id${n}`, id])));
    visible.push(...Object.values(data).filter((node): node is Node => node !== null));
  }
  return visible;
}

/** Every participation, grant or event listed cites exactly this document. */
function expectAllCite(items: Node[], document: string) {
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(documentsOf(item.sources), JSON.stringify(item)).toEqual([document]);
}

describe('seed facts, read back through the API', () => {
  const { client } = useTestService();

  describe('000 Fagersta kommun: "Tillsammans skapar vi Framtidens Fagersta!"', () => {
    it('Framtidens Fagersta is a PROJECT run "under år 2020" in Fagersta (1982), citing the page (undated) as its source', async () => {
      const project = await initiativeNamed(client(), 'Framtidens Fagersta', `kind start end municipalities { code } partOf { name } ${SOURCES}`);
      expect(project.kind).toBe('PROJECT');
      expect(project.start).toBe('2020');
      expect(project.end).toBe('2020');
      expect(municipalityCodes(project.municipalities)).toEqual(['1982']);
      expect(project.partOf).toBeNull();
      expect(project.sources).toEqual([SOURCE.framtidensFagersta]);
    });

    it('its themes are the four fokusområden, the purpose (segregation, utanförskap, delaktighet) and the förebyggande area (brott, trygghet, ANDT)', async () => {
      const project = await initiativeNamed(client(), 'Framtidens Fagersta', 'themes { key }');
      expect(themeKeys(project.themes)).toEqual(
        expect.arrayContaining([
          'motesplatser',
          'forebilder',
          'forebyggande',
          'jamlikhet',
          'segregation',
          'utanforskap',
          'delaktighet',
          'brottsforebyggande',
          'trygghet',
          'andt',
        ]),
      );
    });

    it('Fagersta kommun leads it and Länsstyrelsen Västmanland funds it ("beviljats pengar"), with no amount stated, so no grant', async () => {
      const project = await initiativeNamed(client(), 'Framtidens Fagersta', `${PARTICIPANTS} grants { amount }`);
      const lead = project.participants.filter((p: Node) => p.role === 'LEAD');
      const funders = project.participants.filter((p: Node) => p.role === 'FUNDER');
      expect(lead.map((p: Node) => p.actor)).toEqual([{ name: 'Fagersta kommun', kind: 'MUNICIPAL_UNIT' }]);
      expect(funders.map((p: Node) => p.actor)).toEqual([{ name: 'Länsstyrelsen Västmanland', kind: 'AUTHORITY' }]);
      expect(project.grants).toEqual([]);
      expectAllCite([...lead, ...funders], DOC.framtidensFagersta);
    });

    it('the contact annika.hedberg.roth@fagersta.se is Annika Hedberg Roth of Fagersta kommun (CONTACT), whose contact details are null for the public', async () => {
      const project = await initiativeNamed(client(), 'Framtidens Fagersta', `participants(role: CONTACT) { role sources { document } actor { ${PERSON_FIELDS} } }`);
      expect(project.participants).toHaveLength(1);
      const [contact] = project.participants;
      expect(contact.role).toBe('CONTACT');
      expect(contact.actor).toEqual({
        name: 'Annika Hedberg Roth',
        kind: 'PERSON',
        title: null,
        organization: { name: 'Fagersta kommun' },
        contact: null,
        sources: [{ document: DOC.framtidensFagersta }],
      });
      expectAllCite([contact], DOC.framtidensFagersta);
    });

    it('"ett antal öppna möten" are an undated ACTIVITY that is the one part of Framtidens Fagersta', async () => {
      const project = await initiativeNamed(client(), 'Framtidens Fagersta', 'parts { name kind start end partOf { name } sources { document } }');
      expect(project.parts.map((part: Node) => part.name)).toEqual(['Öppna möten inom Framtidens Fagersta']);
      const [meetings] = project.parts;
      expect(meetings.kind).toBe('ACTIVITY');
      expect(meetings.start).toBeNull();
      expect(meetings.end).toBeNull();
      expect(meetings.partOf).toEqual({ name: 'Framtidens Fagersta' });
      expectAllCite([meetings], DOC.framtidensFagersta);
    });

    it('Fagersta kommun is a MUNICIPAL_UNIT in 1982 with no organisationsnummer stated and no parent, cited by both its pages (000 and 001)', async () => {
      const kommun = await actorNamed(
        client(),
        'Fagersta kommun',
        'kind municipalities { code } sources { document } ... on Organization { organizationNumber parent { name } }',
      );
      expect(kommun.kind).toBe('MUNICIPAL_UNIT');
      expect(municipalityCodes(kommun.municipalities)).toEqual(['1982']);
      expect(kommun.organizationNumber).toBeNull();
      expect(kommun.parent).toBeNull();
      expect(documentsOf(kommun.sources)).toEqual([DOC.framtidensFagersta, DOC.medborgarlofte]);
    });
  });

  describe('001 Fagersta kommun: "Förnyat medborgarlöfte september-november" (2020-09-08)', () => {
    it('the medborgarlöfte is a standing AGREEMENT in 1982, undated, renewed as AGREEMENTs for juni–augusti 2020 and september–november 2020', async () => {
      const agreement = await initiativeNamed(
        client(),
        MEDBORGARLOFTE,
        `kind start end municipalities { code } ${SOURCES} parts { name kind start end ${SOURCES} }`,
      );
      expect(agreement.kind).toBe('AGREEMENT');
      expect(agreement.start).toBeNull();
      expect(agreement.end).toBeNull();
      expect(municipalityCodes(agreement.municipalities)).toEqual(['1982']);
      expect(agreement.sources).toEqual([SOURCE.medborgarlofte]);
      const summer = named(agreement.parts, JUNI_AUGUSTI);
      const autumn = named(agreement.parts, SEPTEMBER_NOVEMBER);
      expect([summer.kind, summer.start, summer.end]).toEqual(['AGREEMENT', '2020-06', '2020-08']);
      expect([autumn.kind, autumn.start, autumn.end]).toEqual(['AGREEMENT', '2020-09', '2020-11']);
      expect(summer.sources).toEqual([SOURCE.medborgarlofte]);
      expect(autumn.sources).toEqual([SOURCE.medborgarlofte]);
    });

    it('its parts are the two periods and the inriktning items that run across both (information, ANDT campaigns, traffic checks, sociala insatsgrupper, dialogue)', async () => {
      const agreement = await initiativeNamed(client(), MEDBORGARLOFTE, 'parts { name }');
      expect(agreement.parts.map((part: Node) => part.name).sort()).toEqual(
        [
          JUNI_AUGUSTI,
          SEPTEMBER_NOVEMBER,
          'Polisen informerar',
          'Marknadsföringskampanjer för unga om alkohol, narkotika, tobak och spel',
          'Utökade trafikkontroller',
          'Sociala insatsgrupper – Fagerstamodell',
          'Dialog med motorburen ungdom',
        ].sort(),
      );
    });

    it('Polisen and Fagersta kommun are SIGNATORY of the standing medborgarlöfte and of both periods', async () => {
      const agreement = await initiativeNamed(
        client(),
        MEDBORGARLOFTE,
        'participants(role: SIGNATORY) { role actor { name kind } sources { document } } parts { name kind participants(role: SIGNATORY) { role actor { name kind } sources { document } } }',
      );
      const periods = agreement.parts.filter((part: Node) => part.kind === 'AGREEMENT');
      expect(periods.map((period: Node) => period.name).sort()).toEqual([SEPTEMBER_NOVEMBER, JUNI_AUGUSTI].sort());
      for (const initiative of [agreement, ...periods]) {
        expect(initiative.participants.map((p: Node) => p.actor).sort((x: Node, y: Node) => x.name.localeCompare(y.name, 'sv'))).toEqual([
          { name: 'Fagersta kommun', kind: 'MUNICIPAL_UNIT' },
          { name: 'Polisen', kind: 'AUTHORITY' },
        ]);
        expectAllCite(initiative.participants, DOC.medborgarlofte);
      }
    });

    it('september–november keeps ANDT, trygghet, brottsförebyggande and trafiksäkerhet but not psykisk hälsa (now "ordinarie verksamhet"), which juni–augusti has', async () => {
      const agreement = await initiativeNamed(client(), MEDBORGARLOFTE, 'parts { name themes { key } }');
      const autumn = themeKeys(named(agreement.parts, SEPTEMBER_NOVEMBER).themes);
      const summer = themeKeys(named(agreement.parts, JUNI_AUGUSTI).themes);
      expect(autumn).toEqual(expect.arrayContaining(['andt', 'trygghet', 'brottsforebyggande', 'trafiksakerhet']));
      expect(autumn).not.toContain('psykisk-halsa');
      expect(summer).toEqual(expect.arrayContaining(['andt', 'trygghet', 'brottsforebyggande', 'trafiksakerhet', 'psykisk-halsa']));
    });

    it('kommunstyrelsen treated the renewal on 2020-09-08: an event of the september–november agreement, citing the page', async () => {
      const autumn = await initiativeNamed(client(), SEPTEMBER_NOVEMBER, 'events { name date sources { document } }');
      const event = named(autumn.events, 'Kommunstyrelsen behandlar förnyat medborgarlöfte');
      expect(event.date).toBe('2020-09-08');
      expectAllCite([event], DOC.medborgarlofte);
    });

    it('"Polisen informerar" is an ACTIVITY of the medborgarlöfte implemented by Polisen, who informed in juni (2020-06) and augusti (2020-08)', async () => {
      const activity = await initiativeNamed(
        client(),
        'Polisen informerar',
        `kind partOf { name } ${PARTICIPANTS} events { name date sources { document } }`,
      );
      expect(activity.kind).toBe('ACTIVITY');
      expect(activity.partOf).toEqual({ name: MEDBORGARLOFTE });
      expect(activity.participants.map((p: Node) => [p.role, p.actor.name])).toEqual([['IMPLEMENTING', 'Polisen']]);
      expect(activity.events.map((event: Node) => event.date).sort()).toEqual(['2020-06', '2020-08']);
      expectAllCite([...activity.participants, ...activity.events], DOC.medborgarlofte);
    });

    it('Polisen implements the extended traffic checks (trafiksäkerhet) within the medborgarlöfte', async () => {
      const checks = await initiativeNamed(client(), 'Utökade trafikkontroller', `kind partOf { name } themes { key } ${PARTICIPANTS}`);
      expect(checks.kind).toBe('ACTIVITY');
      expect(checks.partOf).toEqual({ name: MEDBORGARLOFTE });
      expect(themeKeys(checks.themes)).toContain('trafiksakerhet');
      expect(checks.participants.map((p: Node) => [p.role, p.actor.name])).toEqual([['IMPLEMENTING', 'Polisen']]);
      expectAllCite(checks.participants, DOC.medborgarlofte);
    });

    it('the ANDT campaigns made by sommarjobbare start "hösten 2020" (start 2020), are about ANDT, and name no organisation', async () => {
      const campaigns = await initiativeNamed(
        client(),
        'Marknadsföringskampanjer för unga om alkohol, narkotika, tobak och spel',
        `kind start partOf { name } themes { key } ${PARTICIPANTS}`,
      );
      expect(campaigns.kind).toBe('ACTIVITY');
      expect(campaigns.start).toBe('2020');
      expect(campaigns.partOf).toEqual({ name: MEDBORGARLOFTE });
      expect(themeKeys(campaigns.themes)).toContain('andt');
      expect(campaigns.participants).toEqual([]);
    });

    it('the extra summer jobs and free activities belong to juni–augusti 2020, promote psykisk hälsa, and name no organisation', async () => {
      const summerJobs = await initiativeNamed(
        client(),
        'Utökat antal sommarjobb och kostnadsfria aktiviteter',
        `kind start end partOf { name } themes { key } ${PARTICIPANTS}`,
      );
      expect(summerJobs.kind).toBe('ACTIVITY');
      expect([summerJobs.start, summerJobs.end]).toEqual(['2020-06', '2020-08']);
      expect(summerJobs.partOf).toEqual({ name: JUNI_AUGUSTI });
      expect(themeKeys(summerJobs.themes)).toContain('psykisk-halsa');
      expect(summerJobs.participants).toEqual([]);
    });

    it('sociala insatsgrupper (Fagerstamodell) is a PROJECT kommunen and polisen implement together; its styr- and arbetsgrupp were formed in 2020', async () => {
      const project = await initiativeNamed(
        client(),
        'Sociala insatsgrupper – Fagerstamodell',
        `kind partOf { name } ${PARTICIPANTS} events { name date sources { document } }`,
      );
      expect(project.kind).toBe('PROJECT');
      expect(project.partOf).toEqual({ name: MEDBORGARLOFTE });
      expect(inRole(project.participants, 'IMPLEMENTING')).toEqual(['Fagersta kommun', 'Polisen']);
      expect(project.participants).toHaveLength(2);
      expect(project.events.map((event: Node) => event.date)).toEqual(['2020']);
      expect(project.events[0].name).toMatch(/styrgrupp/i);
      expectAllCite([...project.participants, ...project.events], DOC.medborgarlofte);
    });

    it('kommunen and polisen implement the dialogue with motorburen ungdom, Yrkestrafikgruppen Västmanland (invited) is PARTNER, and the dialogmöte on Ungdomscenter was in juni 2020', async () => {
      const dialogue = await initiativeNamed(
        client(),
        'Dialog med motorburen ungdom',
        `kind partOf { name } ${PARTICIPANTS} events { name date sources { document } }`,
      );
      expect(dialogue.partOf).toEqual({ name: MEDBORGARLOFTE });
      expect(inRole(dialogue.participants, 'IMPLEMENTING')).toEqual(['Fagersta kommun', 'Polisen']);
      const partners = dialogue.participants.filter((p: Node) => p.role === 'PARTNER');
      expect(partners.map((p: Node) => p.actor)).toEqual([{ name: 'Yrkestrafikgruppen Västmanland', kind: 'ASSOCIATION' }]);
      const meeting = named(dialogue.events, 'Dialogmöte på Ungdomscenter');
      expect(meeting.date).toBe('2020-06');
      expectAllCite([...dialogue.participants, meeting], DOC.medborgarlofte);
    });

    it('EST-gruppen (Effektiv Samordning för Trygghet), whose lägesrapporteringar guide the inriktning, is an ASSOCIATION and PARTNER of the medborgarlöfte', async () => {
      const group = await actorNamed(
        client(),
        'EST-gruppen',
        'kind description sources { document } participations { role initiative { name } sources { document } }',
      );
      expect(group.kind).toBe('ASSOCIATION');
      expect(group.description).toContain('Effektiv Samordning för Trygghet');
      expect(group.participations.map((p: Node) => [p.role, p.initiative.name])).toEqual([['PARTNER', MEDBORGARLOFTE]]);
      expect(documentsOf(group.sources)).toEqual([DOC.medborgarlofte]);
      expectAllCite(group.participations, DOC.medborgarlofte);
    });

    it('Kommunstyrelsen i Fagersta kommun and Ungdomscenter are municipal units whose parent is Fagersta kommun', async () => {
      const kommun = await actorNamed(
        client(),
        'Fagersta kommun',
        '... on Organization { units { name kind sources { document } ... on Organization { parent { name } } } }',
      );
      for (const unitName of ['Kommunstyrelsen i Fagersta kommun', 'Ungdomscenter']) {
        const unit = named(kommun.units, unitName);
        expect(unit.kind).toBe('MUNICIPAL_UNIT');
        expect(unit.parent).toEqual({ name: 'Fagersta kommun' });
        expect(documentsOf(unit.sources)).toEqual([DOC.medborgarlofte]);
      }
    });

    it('Polisen is an AUTHORITY acting in Fagersta (1982) and Markaryd (0767), cited by the medborgarlöfte (001) and Initiativ trygghet (004)', async () => {
      const police = await actorNamed(client(), 'Polisen', 'kind municipalities { code } sources { document }');
      expect(police.kind).toBe('AUTHORITY');
      expect(municipalityCodes(police.municipalities)).toEqual(['0767', '1982']);
      expect(documentsOf(police.sources)).toEqual([DOC.medborgarlofte, DOC.markaryd]);
    });
  });

  describe('002 Avesta kommun press release: "Avesta kommun får 4,7 miljoner för integrationsprojekt"', () => {
    it('"Vilka är vi?" is a PROJECT in Avesta (2084) and Orsa (2034), without dates because "den 1 februari" has no year, citing the undated release', async () => {
      const project = await initiativeNamed(client(), VILKA_AR_VI, `kind start end partOf { name } municipalities { code } ${SOURCES}`);
      expect(project.kind).toBe('PROJECT');
      expect(project.start).toBeNull();
      expect(project.end).toBeNull();
      expect(project.partOf).toBeNull();
      expect(municipalityCodes(project.municipalities)).toEqual(['2034', '2084']);
      expect(project.sources).toEqual([SOURCE.vilkaArVi]);
    });

    it('Europeiska socialfonden granted it 4 758 368 kronor (SEK); the programme and award date are not stated', async () => {
      const project = await initiativeNamed(
        client(),
        VILKA_AR_VI,
        'grants { amount currency programme awarded funder { name kind } sources { document } }',
      );
      expect(project.grants).toEqual([
        {
          amount: 4758368,
          currency: 'SEK',
          programme: null,
          awarded: null,
          funder: { name: 'Europeiska socialfonden', kind: 'AUTHORITY' },
          sources: [{ document: DOC.vilkaArVi }],
        },
      ]);
    });

    it('Avesta kommun leads it, Orsa kommun is medsökande (CO_APPLICANT) and Europeiska socialfonden funds it', async () => {
      const project = await initiativeNamed(client(), VILKA_AR_VI, PARTICIPANTS);
      const organisations = project.participants.filter((p: Node) => p.role !== 'CONTACT');
      expect(
        organisations.map((p: Node) => [p.role, p.actor.name, p.actor.kind]).sort((x: string[], y: string[]) => x[0]!.localeCompare(y[0]!)),
      ).toEqual([
        ['CO_APPLICANT', 'Orsa kommun', 'MUNICIPAL_UNIT'],
        ['FUNDER', 'Europeiska socialfonden', 'AUTHORITY'],
        ['LEAD', 'Avesta kommun', 'MUNICIPAL_UNIT'],
      ]);
      expectAllCite(organisations, DOC.vilkaArVi);
    });

    it('its contact is Birgitta Hägg, integrationsstrateg at Avesta kommun working on integration; her phone and e-mail are null for the public', async () => {
      const project = await initiativeNamed(
        client(),
        VILKA_AR_VI,
        `participants(role: CONTACT) { role sources { document } actor { ${PERSON_FIELDS} themes { key } } }`,
      );
      expect(project.participants).toHaveLength(1);
      const [contact] = project.participants;
      expect(contact.actor).toMatchObject({
        name: 'Birgitta Hägg',
        kind: 'PERSON',
        title: 'Integrationsstrateg',
        organization: { name: 'Avesta kommun' },
        contact: null,
        sources: [{ document: DOC.vilkaArVi }],
      });
      expect(themeKeys(contact.actor.themes)).toContain('integration');
      expectAllCite([contact], DOC.vilkaArVi);
    });

    it('its themes include integration and social sammanhållning ("öka sammanhållningen i samhället")', async () => {
      const project = await initiativeNamed(client(), VILKA_AR_VI, 'themes { key }');
      expect(themeKeys(project.themes)).toEqual(expect.arrayContaining(['integration', 'social-sammanhallning']));
    });

    it('its start "den 1 februari" (no year) is its one event, without a date', async () => {
      const project = await initiativeNamed(client(), VILKA_AR_VI, 'events { name date sources { document } }');
      expect(project.events).toHaveLength(1);
      expect(project.events[0].date).toBeNull();
      expectAllCite(project.events, DOC.vilkaArVi);
    });

    it('Europeiska socialfonden is an AUTHORITY described as one of the EU:s strukturfonder, working for social sammanhållning', async () => {
      const fund = await actorNamed(client(), 'Europeiska socialfonden', 'kind description themes { key } sources { document }');
      expect(fund.kind).toBe('AUTHORITY');
      expect(fund.description).toContain('strukturfonder');
      expect(themeKeys(fund.themes)).toContain('social-sammanhallning');
      expect(documentsOf(fund.sources)).toEqual([DOC.vilkaArVi]);
    });

    it('Erica Hallgren is Avesta kommun\'s Presskontakt, with no role in the project and her phone null for the public', async () => {
      const person = await actorNamed(client(), 'Erica Hallgren', `${PERSON_FIELDS} participations { role }`);
      expect(person).toEqual({
        name: 'Erica Hallgren',
        kind: 'PERSON',
        title: 'Presskontakt',
        organization: { name: 'Avesta kommun' },
        contact: null,
        sources: [{ document: DOC.vilkaArVi }],
        participations: [],
      });
    });

    it('the inspirationsdag på temat integration ("den 7 november", no year) is an undated ACTIVITY led by Avesta kommun, not linked to Vilka är vi?', async () => {
      const day = await initiativeNamed(client(), 'Inspirationsdag på temat integration', `kind start end partOf { name } themes { key } ${PARTICIPANTS}`);
      expect(day.kind).toBe('ACTIVITY');
      expect(day.start).toBeNull();
      expect(day.end).toBeNull();
      expect(day.partOf).toBeNull();
      expect(themeKeys(day.themes)).toContain('integration');
      expect(day.participants.map((p: Node) => [p.role, p.actor.name])).toEqual([['LEAD', 'Avesta kommun']]);
      expectAllCite(day.participants, DOC.vilkaArVi);
    });

    /** The path between Orsa kommun and Avesta kommun, found by name. */
    async function orsaToAvesta(): Promise<Node | null> {
      const [orsa, avesta] = await Promise.all([actorId(client(), 'Orsa kommun'), actorId(client(), 'Avesta kommun')]);
      const { path } = await client().data<{ path: Node | null }>(
        'query ($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { length steps { via actor { name } initiative { name } } } }',
        { from: orsa, to: avesta },
      );
      return path;
    }

    it('Orsa kommun and Avesta kommun, who share one project, are connected by a path of length 2 (kommun – initiative – kommun)', async () => {
      const path = await orsaToAvesta();
      expect(path).not.toBeNull();
      expect(path!.length).toBe(2);
      expect(path!.steps.map((step: Node) => step.actor?.name ?? null)).toEqual(['Orsa kommun', null, 'Avesta kommun']);
    });

    it('the path from Orsa kommun to Avesta kommun runs through Vilka är vi? (Orsa CO_APPLICANT, Avesta LEAD)', async () => {
      const path = await orsaToAvesta();
      expect(path?.steps).toEqual([
        { via: null, actor: { name: 'Orsa kommun' }, initiative: null },
        { via: 'CO_APPLICANT', actor: null, initiative: { name: VILKA_AR_VI } },
        { via: 'LEAD', actor: { name: 'Avesta kommun' }, initiative: null },
      ]);
    });
  });

  describe('003 Hedemora kommun: "Integration – det handlar om att mötas!" (updated 2018-10-09)', () => {
    it('"Vägen in" is an avsiktsförklaring (DECLARATION) signed by Hedemora kommun, Länsstyrelsen Dalarna and Migrationsverket, citing the page', async () => {
      const declaration = await initiativeNamed(client(), 'Vägen in', `kind start end partOf { name } ${SOURCES} ${PARTICIPANTS}`);
      expect(declaration.kind).toBe('DECLARATION');
      expect(declaration.start).toBeNull();
      expect(declaration.partOf).toBeNull();
      expect(declaration.sources).toEqual([SOURCE.hedemora]);
      const signatories = declaration.participants.filter((p: Node) => p.role === 'SIGNATORY').map((p: Node) => p.actor);
      expect(signatories).toEqual(
        expect.arrayContaining([
          { name: 'Hedemora kommun', kind: 'MUNICIPAL_UNIT' },
          { name: 'Länsstyrelsen Dalarna', kind: 'AUTHORITY' },
          { name: 'Migrationsverket', kind: 'AUTHORITY' },
        ]),
      );
      expect(declaration.participants.every((p: Node) => p.role === 'SIGNATORY')).toBe(true);
      expectAllCite(declaration.participants, DOC.hedemora);
    });

    it('"i likhet med övriga dalakommuner": all 15 kommuner of Dalarnas län (20), Avesta and Orsa among them, sign Vägen in', async () => {
      const declaration = await initiativeNamed(client(), 'Vägen in', 'participants(role: SIGNATORY) { actor { name kind municipalities { code } } }');
      const { municipalities: dalarna } = await client().data<{ municipalities: { code: string }[] }>('{ municipalities(county: "20") { code } }');
      const kommuner = declaration.participants.map((p: Node) => p.actor).filter((actor: Node) => actor.kind === 'MUNICIPAL_UNIT');
      expect(dalarna).toHaveLength(15);
      expect(kommuner).toHaveLength(15);
      expect(kommuner.flatMap((actor: Node) => municipalityCodes(actor.municipalities)).sort()).toEqual(municipalityCodes(dalarna));
      expect(kommuner.map((actor: Node) => actor.name)).toEqual(expect.arrayContaining(['Avesta kommun', 'Orsa kommun', 'Hedemora kommun']));
    });

    it('the samverkan areas of Vägen in are its themes: arbete, språk och utbildning, hälsa, bostad, social sammanhållning and delaktighet', async () => {
      const declaration = await initiativeNamed(client(), 'Vägen in', 'themes { key }');
      expect(themeKeys(declaration.themes)).toEqual(
        expect.arrayContaining(['arbete', 'sprak-och-utbildning', 'halsa', 'bostad', 'social-sammanhallning', 'delaktighet']),
      );
    });

    it('"Referensgruppen för integration" is a NETWORK in Hedemora (2083), convened by Hedemora kommun for föreningar working with integration', async () => {
      const group = await initiativeNamed(
        client(),
        'Referensgruppen för integration',
        `kind municipalities { code } themes { key } partOf { name } ${SOURCES} participants(role: LEAD) { actor { name kind } sources { document } }`,
      );
      expect(group.kind).toBe('NETWORK');
      expect(municipalityCodes(group.municipalities)).toEqual(['2083']);
      expect(themeKeys(group.themes)).toEqual(expect.arrayContaining(['integration', 'civilsamhalle']));
      expect(group.partOf).toEqual({ name: 'Hedemora kommuns arbete med integration' });
      expect(group.participants.map((p: Node) => p.actor)).toEqual([{ name: 'Hedemora kommun', kind: 'MUNICIPAL_UNIT' }]);
      expect(group.sources).toEqual([SOURCE.hedemora]);
      expectAllCite(group.participants, DOC.hedemora);
    });

    it('Maria Högkvist, Mångfaldsstrateg at Hedemora kommun, is the CONTACT of the referensgrupp; her e-mail and phone are null for the public', async () => {
      const group = await initiativeNamed(
        client(),
        'Referensgruppen för integration',
        `participants(role: CONTACT) { sources { document } actor { ${PERSON_FIELDS} } }`,
      );
      expect(group.participants.map((p: Node) => p.actor)).toEqual([
        {
          name: 'Maria Högkvist',
          kind: 'PERSON',
          title: 'Mångfaldsstrateg',
          organization: { name: 'Hedemora kommun' },
          contact: null,
          sources: [{ document: DOC.hedemora }],
        },
      ]);
      expectAllCite(group.participants, DOC.hedemora);
    });

    it('"Hedemora kommuns arbete med integration" is a PROGRAMME led by Hedemora kommun, with focus on arbete and utbildning, that builds on the national integration policy', async () => {
      const programme = await initiativeNamed(
        client(),
        'Hedemora kommuns arbete med integration',
        `kind municipalities { code } themes { key } partOf { name } parts { name } participants(role: LEAD) { actor { name } sources { document } }`,
      );
      expect(programme.kind).toBe('PROGRAMME');
      expect(municipalityCodes(programme.municipalities)).toEqual(['2083']);
      expect(themeKeys(programme.themes)).toEqual(expect.arrayContaining(['integration', 'arbete', 'sprak-och-utbildning']));
      expect(programme.partOf).toEqual({ name: 'Den svenska integrationspolitiken' });
      expect(programme.parts.map((part: Node) => part.name)).toContain('Referensgruppen för integration');
      expect(actorNames(programme.participants)).toEqual(['Hedemora kommun']);
      expectAllCite(programme.participants, DOC.hedemora);
    });

    it('Maria Lundgren, Mångfaldsstrateg at Hedemora kommun (the page\'s contact), is the CONTACT of its integration work; her contact is null for the public', async () => {
      const programme = await initiativeNamed(
        client(),
        'Hedemora kommuns arbete med integration',
        `participants(role: CONTACT) { sources { document } actor { ${PERSON_FIELDS} } }`,
      );
      expect(programme.participants.map((p: Node) => p.actor)).toEqual([
        {
          name: 'Maria Lundgren',
          kind: 'PERSON',
          title: 'Mångfaldsstrateg',
          organization: { name: 'Hedemora kommun' },
          contact: null,
          sources: [{ document: DOC.hedemora }],
        },
      ]);
      expectAllCite(programme.participants, DOC.hedemora);
    });

    it('"Den svenska integrationspolitiken" is a PROGRAMME whose themes are its seven prioritised areas, with no actor named', async () => {
      const policy = await initiativeNamed(
        client(),
        'Den svenska integrationspolitiken',
        `kind partOf { name } themes { key } ${PARTICIPANTS} ${SOURCES}`,
      );
      expect(policy.kind).toBe('PROGRAMME');
      expect(policy.partOf).toBeNull();
      expect(themeKeys(policy.themes)).toEqual(
        expect.arrayContaining(['etablering', 'arbete', 'entreprenorskap', 'skola', 'sprak-och-utbildning', 'antidiskriminering', 'utanforskap']),
      );
      expect(policy.participants).toEqual([]);
      expect(policy.sources).toEqual([SOURCE.hedemora]);
    });

    it('Hedemora Näringsliv, a BUSINESS, leads the ACTIVITY of articles about nyanlända kvinnor och mäns integration i Hedemora', async () => {
      const business = await actorNamed(
        client(),
        'Hedemora Näringsliv',
        'kind municipalities { code } participations { role initiative { name kind } sources { document } }',
      );
      expect(business.kind).toBe('BUSINESS');
      expect(municipalityCodes(business.municipalities)).toEqual(['2083']);
      expect(business.participations.map((p: Node) => [p.role, p.initiative.name, p.initiative.kind])).toEqual([
        ['LEAD', 'Artikelserie om nyanlända kvinnor och mäns integration i Hedemora', 'ACTIVITY'],
      ]);
      expectAllCite(business.participations, DOC.hedemora);
    });

    it('Hedemora kommun is a MUNICIPAL_UNIT in 2083, cited by this page only', async () => {
      const kommun = await actorNamed(client(), 'Hedemora kommun', 'kind municipalities { code } sources { document } ... on Organization { parent { name } }');
      expect(kommun.kind).toBe('MUNICIPAL_UNIT');
      expect(municipalityCodes(kommun.municipalities)).toEqual(['2083']);
      expect(kommun.parent).toBeNull();
      expect(documentsOf(kommun.sources)).toEqual([DOC.hedemora]);
    });

    it('Avesta kommun and Orsa kommun are each cited by both the ESF press release (002) and the Hedemora page (003)', async () => {
      for (const name of ['Avesta kommun', 'Orsa kommun']) {
        const kommun = await actorNamed(client(), name, 'sources { document }');
        expect(documentsOf(kommun.sources), name).toEqual([DOC.vilkaArVi, DOC.hedemora]);
      }
    });
  });

  describe('004 Markaryds kommun: "Vad är Initiativ trygghet?"', () => {
    const DELPROJEKT = ['Ett delaktigt civilsamhälle', 'Integration, skola och arbetsliv', 'Trygg boendemiljö', 'Drogförebyggande gruppen'];

    it('"Initiativ trygghet" is Markaryds kommun\'s two-year PROJECT in Markaryd (0767), undated because the page gives no year', async () => {
      const project = await initiativeNamed(
        client(),
        'Initiativ trygghet',
        `kind start end partOf { name } municipalities { code } ${SOURCES} participants(role: LEAD) { actor { name kind } sources { document } }`,
      );
      expect(project.kind).toBe('PROJECT');
      expect(project.start).toBeNull();
      expect(project.end).toBeNull();
      expect(project.partOf).toBeNull();
      expect(municipalityCodes(project.municipalities)).toEqual(['0767']);
      expect(project.participants.map((p: Node) => p.actor)).toEqual([{ name: 'Markaryds kommun', kind: 'MUNICIPAL_UNIT' }]);
      expect(project.sources).toEqual([SOURCE.markaryd]);
      expectAllCite(project.participants, DOC.markaryd);
    });

    it('its goal, a tryggare, mer välintegrerad och mer sammanhållen kommun, gives the themes trygghet, integration and social sammanhållning', async () => {
      const project = await initiativeNamed(client(), 'Initiativ trygghet', 'themes { key }');
      expect(themeKeys(project.themes)).toEqual(expect.arrayContaining(['trygghet', 'integration', 'social-sammanhallning']));
    });

    it('Delegationen mot segregation (Delmos), an AUTHORITY, funds part of the project time; no amount is stated, so there is no grant', async () => {
      const project = await initiativeNamed(
        client(),
        'Initiativ trygghet',
        'participants(role: FUNDER) { actor { name kind } sources { document } } grants { amount }',
      );
      expect(project.participants.map((p: Node) => p.actor)).toEqual([{ name: 'Delegationen mot segregation', kind: 'AUTHORITY' }]);
      expect(project.grants).toEqual([]);
      expectAllCite(project.participants, DOC.markaryd);
    });

    it('it is divided into four delprojekt, each a PROJECT', async () => {
      const project = await initiativeNamed(client(), 'Initiativ trygghet', `parts { name kind partOf { name } ${SOURCES} }`);
      expect(project.parts.map((part: Node) => part.name).sort()).toEqual([...DELPROJEKT].sort());
      for (const part of project.parts) {
        expect(part.kind, part.name).toBe('PROJECT');
        expect(part.partOf, part.name).toEqual({ name: 'Initiativ trygghet' });
        expect(part.sources, part.name).toEqual([SOURCE.markaryd]);
      }
    });

    it('each delprojekt is led by the two people the page names', async () => {
      const project = await initiativeNamed(
        client(),
        'Initiativ trygghet',
        'parts { name participants(role: LEAD) { actor { name kind } sources { document } } }',
      );
      const leads = Object.fromEntries(project.parts.map((part: Node) => [part.name, actorNames(part.participants)]));
      expect(leads).toEqual({
        'Ett delaktigt civilsamhälle': ['Anna-Karin Pålsson', 'Viktor Tagesson'],
        'Integration, skola och arbetsliv': ['Elisabeth Fock', 'Viktor Tagesson'],
        'Trygg boendemiljö': ['John Karlsson', 'Sven Holmberg'],
        'Drogförebyggande gruppen': ['Anders Buene', 'Anna-Karin Pålsson'],
      });
      for (const part of project.parts) {
        expect(part.participants.every((p: Node) => p.actor.kind === 'PERSON'), part.name).toBe(true);
        expectAllCite(part.participants, DOC.markaryd);
      }
    });

    it('kommunpolis Anders Buene works for Polisen, which is PARTNER of Drogförebyggande gruppen; his contact is null for the public', async () => {
      const group = await initiativeNamed(
        client(),
        'Drogförebyggande gruppen',
        `participants { role sources { document } actor { ${PERSON_FIELDS} } }`,
      );
      const buene = group.participants.find((p: Node) => p.actor.name === 'Anders Buene');
      expect(buene?.role).toBe('LEAD');
      expect(buene?.actor).toMatchObject({ kind: 'PERSON', title: 'Kommunpolis', organization: { name: 'Polisen' }, contact: null });
      expect(group.participants.filter((p: Node) => p.role === 'PARTNER').map((p: Node) => p.actor.name)).toEqual(['Polisen']);
      expectAllCite(group.participants, DOC.markaryd);
    });

    it('the delprojekt themes follow their aims: civilsamhälle, skola and demokrati, bostad, and ANDT', async () => {
      const project = await initiativeNamed(client(), 'Initiativ trygghet', 'parts { name themes { key } }');
      const themes = Object.fromEntries(project.parts.map((part: Node) => [part.name, themeKeys(part.themes)]));
      expect(themes['Ett delaktigt civilsamhälle']).toContain('civilsamhalle');
      expect(themes['Integration, skola och arbetsliv']).toEqual(expect.arrayContaining(['skola', 'demokrati']));
      expect(themes['Trygg boendemiljö']).toContain('bostad');
      expect(themes['Drogförebyggande gruppen']).toContain('andt');
    });

    it('Malmö, Göteborgs and Lunds universitet, with whom contact was established, are AUTHORITY PARTNERs of Initiativ trygghet', async () => {
      const project = await initiativeNamed(client(), 'Initiativ trygghet', 'participants(role: PARTNER) { actor { name kind } sources { document } }');
      expect(project.participants.map((p: Node) => p.actor).sort((x: Node, y: Node) => x.name.localeCompare(y.name, 'sv'))).toEqual([
        { name: 'Göteborgs universitet', kind: 'AUTHORITY' },
        { name: 'Lunds universitet', kind: 'AUTHORITY' },
        { name: 'Malmö universitet', kind: 'AUTHORITY' },
      ]);
      expectAllCite(project.participants, DOC.markaryd);
    });

    it('the projektledning (mailbox initiativtrygghet@markaryd.se) is a municipal unit of Markaryds kommun that implements Initiativ trygghet', async () => {
      const management = await actorNamed(
        client(),
        'Projektledningen för Initiativ trygghet',
        'kind sources { document } participations { role initiative { name } sources { document } } ... on Organization { parent { name } }',
      );
      expect(management.kind).toBe('MUNICIPAL_UNIT');
      expect(management.parent).toEqual({ name: 'Markaryds kommun' });
      expect(management.participations.map((p: Node) => [p.role, p.initiative.name])).toEqual([['IMPLEMENTING', 'Initiativ trygghet']]);
      expect(documentsOf(management.sources)).toEqual([DOC.markaryd]);
      expectAllCite(management.participations, DOC.markaryd);
    });

    it('Kommunstyrelsen i Markaryds kommun, to which the projektledning reported, is a municipal unit of Markaryds kommun', async () => {
      const kommun = await actorNamed(
        client(),
        'Markaryds kommun',
        'kind municipalities { code } ... on Organization { units { name kind sources { document } } }',
      );
      expect(kommun.kind).toBe('MUNICIPAL_UNIT');
      expect(municipalityCodes(kommun.municipalities)).toEqual(['0767']);
      const board = named(kommun.units, 'Kommunstyrelsen i Markaryds kommun');
      expect(board.kind).toBe('MUNICIPAL_UNIT');
      expect(documentsOf(board.sources)).toEqual([DOC.markaryd]);
      expect(kommun.units.map((unit: Node) => unit.name)).toContain('Projektledningen för Initiativ trygghet');
    });

    it('Markaryds kommun takes part (MEMBER) in Länsstyrelsen Kronoberg\'s webinar on säkra och trygga livsmiljöer and SKR\'s webinar on ungdomar och brott, which their organisers lead', async () => {
      const kommun = await actorNamed(
        client(),
        'Markaryds kommun',
        'participations { role sources { document } initiative { name kind participants(role: LEAD) { actor { name kind } } } }',
      );
      const memberships = kommun.participations.filter((p: Node) => p.role === 'MEMBER');
      expect(memberships).toHaveLength(2);
      const byOrganiser = Object.fromEntries(
        memberships.map((p: Node) => [actorNames(p.initiative.participants).join(', '), p.initiative]),
      );
      expect(Object.keys(byOrganiser).sort()).toEqual(['Länsstyrelsen Kronoberg', 'Sveriges Kommuner och Regioner (SKR)']);
      expect(byOrganiser['Länsstyrelsen Kronoberg'].kind).toBe('ACTIVITY');
      expect(byOrganiser['Länsstyrelsen Kronoberg'].name).toMatch(/säkra och trygga livsmiljöer/);
      expect(byOrganiser['Sveriges Kommuner och Regioner (SKR)'].kind).toBe('ACTIVITY');
      expect(byOrganiser['Sveriges Kommuner och Regioner (SKR)'].name).toMatch(/ungdomar och brott/);
      for (const p of memberships) expect(p.initiative.participants.map((lead: Node) => lead.actor.kind)).toEqual(['AUTHORITY']);
      expectAllCite(memberships, DOC.markaryd);
    });

    it('what the page reports and plans (redovisning, projektmöten, rundtur, möten, arbetsdag, Världens barn on 18 and Idrottens dag on 25 september) are undated events of Initiativ trygghet', async () => {
      const project = await initiativeNamed(client(), 'Initiativ trygghet', 'events { name date municipalities { code } sources { document } }');
      expect(project.events).toHaveLength(7);
      for (const event of project.events) {
        expect(event.date, event.name).toBeNull();
        expect(municipalityCodes(event.municipalities), event.name).toEqual(['0767']);
      }
      named(project.events, 'Idrottens dag på Strömsnäsbruks skola');
      const names = project.events.map((event: Node) => event.name).join(' | ');
      for (const fragment of [/kommunstyrelsen/i, /projektmöten/i, /Rundtur/, /Fysiska möten/, /Ekebacken/, /Världens barn/]) expect(names).toMatch(fragment);
      expectAllCite(project.events, DOC.markaryd);
    });

    it('Viktor Tagesson leads two delprojekt, and his path to Elisabeth Fock runs through "Integration, skola och arbetsliv"', async () => {
      const viktor = await actorNamed(client(), 'Viktor Tagesson', 'id participations { role initiative { name } }');
      expect(viktor.participations.map((p: Node) => [p.role, p.initiative.name]).sort()).toEqual([
        ['LEAD', 'Ett delaktigt civilsamhälle'],
        ['LEAD', 'Integration, skola och arbetsliv'],
      ]);
      const elisabeth = await actorId(client(), 'Elisabeth Fock');
      const { path } = await client().data<{ path: Node | null }>(
        'query ($from: ID!, $to: ID!) { path(fromId: $from, toId: $to) { length steps { via actor { name } initiative { name } } } }',
        { from: viktor.id, to: elisabeth },
      );
      expect(path).toEqual({
        length: 2,
        steps: [
          { via: null, actor: { name: 'Viktor Tagesson' }, initiative: null },
          { via: 'LEAD', actor: null, initiative: { name: 'Integration, skola och arbetsliv' } },
          { via: 'LEAD', actor: { name: 'Elisabeth Fock' }, initiative: null },
        ],
      });
    });

    it('a search for "trygghet" finds Initiativ trygghet', async () => {
      const { search } = await client().data<{ search: Node[] }>(
        'query { search(text: "trygghet", first: 50) { __typename ... on Initiative { name kind } } }',
      );
      expect(search.filter((hit) => hit.__typename === 'Initiative').map((hit) => hit.name)).toContain('Initiativ trygghet');
    });
  });

  describe('across the documents', () => {
    it('Framtidens Fagersta and the medborgarlöfte family, both working on prevention in Fagersta in 2020, appear as overlaps in 1982', async () => {
      const initiative = 'name start end partOf { name partOf { name } }';
      const { overlaps } = await client().data<{ overlaps: Node[] }>(
        `query { overlaps(filter: { municipalities: ["1982"] }, first: 100) {
          a { ${initiative} } b { ${initiative} } sharedThemes { key } sharedMunicipalities { code } overlappingDays } }`,
      );
      const root = (i: Node): string => i.partOf?.partOf?.name ?? i.partOf?.name ?? i.name;
      const between = overlaps.filter(
        (overlap) =>
          [root(overlap.a), root(overlap.b)].sort().join(' | ') === ['Framtidens Fagersta', MEDBORGARLOFTE].sort().join(' | '),
      );
      expect(between.length).toBeGreaterThan(0);
      for (const overlap of between) {
        expect(municipalityCodes(overlap.sharedMunicipalities)).toContain('1982');
        expect(themeKeys(overlap.sharedThemes).some((key) => ['brottsforebyggande', 'trygghet', 'andt', 'forebyggande'].includes(key))).toBe(true);
      }
      const pair = (x: string, y: string) =>
        between.find((overlap) => [overlap.a.name, overlap.b.name].sort().join(' | ') === [x, y].sort().join(' | '));
      // 2020-09-01..2020-11-30 lies inside the project year 2020: 30 + 31 + 30 days.
      const autumn = pair('Framtidens Fagersta', SEPTEMBER_NOVEMBER);
      expect(autumn, 'Framtidens Fagersta × september–november').toBeDefined();
      expect(autumn!.overlappingDays).toBe(91);
      expect(themeKeys(autumn!.sharedThemes)).toEqual(expect.arrayContaining(['brottsforebyggande', 'trygghet', 'andt']));
      // 2020-06-01..2020-08-31: 30 + 31 + 31 days.
      expect(pair('Framtidens Fagersta', JUNI_AUGUSTI)?.overlappingDays).toBe(92);
    });

    it('filtering initiatives by ANDT in Västmanlands län (19) finds Framtidens Fagersta, the medborgarlöfte and the ANDT campaigns, but not Drogförebyggande gruppen (Kronoberg, 07)', async () => {
      const { initiatives } = await client().data<{ initiatives: { edges: { node: Node }[] } }>(
        'query { initiatives(filter: { themes: ["andt"], counties: ["19"] }, first: 100) { edges { node { name } } } }',
      );
      const names = initiatives.edges.map((edge) => edge.node.name);
      expect(names).toEqual(
        expect.arrayContaining(['Framtidens Fagersta', MEDBORGARLOFTE, 'Marknadsföringskampanjer för unga om alkohol, narkotika, tobak och spel']),
      );
      expect(names).not.toContain('Drogförebyggande gruppen');
    });

    it('every initiative and every actor of the seed files is public, cites at least one of the five documents and no other, and every document is cited', async () => {
      const seed = seedFileIds();
      const initiatives = await visibleByIds(client(), 'initiative', seed.initiatives, 'name sources { document }');
      const actors = await visibleByIds(client(), 'actor', seed.actors, 'name sources { document }');
      expect(initiatives).toHaveLength(seed.initiatives.length);
      expect(actors).toHaveLength(seed.actors.length);
      const documents = Object.values(DOC) as string[];
      const nodes = [...initiatives, ...actors];
      const cited = new Set<string>();
      for (const node of nodes) {
        const own = documentsOf(node.sources);
        expect(own.length, node.name).toBeGreaterThan(0);
        for (const document of own) {
          expect(documents, node.name).toContain(document);
          cited.add(document!);
        }
      }
      expect([...cited].sort()).toEqual([...documents].sort());
    });
  });
});
