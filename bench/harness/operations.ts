import type { ServerName } from './servers.ts';

/** What the benchmark asks about, drawn from the loaded network so that every question has an answer. */
export interface Samples {
  /** Organisations whose profile is read: hubs and ordinary associations, as traffic would pick them. */
  profileIds: string[];
  /** Actors asked for partner suggestions. */
  suggestionIds: string[];
  /** län + theme pairs for the filtered list. */
  listFilters: { county: string; theme: string }[];
  /** län codes for overlaps. */
  counties: string[];
  /** Words to search for. */
  searchTexts: string[];
  /** The same words cut short, as typed into a search box before the word is finished. */
  prefixTexts: string[];
  /** Kommun codes and theme keys a registration may name. */
  municipalities: string[];
  themes: string[];
  /** The n-th registration's organisationsnummer: one the loaded network does not hold. */
  registrationNumber: (n: number) => string;
}

/** What the write operations write to: initiatives of the run's own, and verified organisations to add to them. */
export interface WriteTargets {
  /** Initiatives made for the run, so that no participation added to them is one the network has already. */
  initiativeIds: string[];
  /** Verified organisations added to those initiatives. */
  organizationIds: string[];
}

export const operationNames = ['profile', 'list', 'suggestions', 'overlaps', 'search', 'prefix', 'register', 'createInitiative', 'addParticipation'] as const;
export type OperationName = (typeof operationNames)[number];

/** The operations that write: each request writes something new, numbered across the whole run. */
export const writeOperations: OperationName[] = ['register', 'createInitiative', 'addParticipation'];

/** The writes that need a signed-in caller on the service (an admin: no review, no scope to check beyond the role). */
export const signedInOperations: OperationName[] = ['createInitiative', 'addParticipation'];

export interface RegistrationInput {
  name: string;
  organizationNumber: string;
  municipality: string;
  themes: string[];
  description: string;
  email: string;
  password: string;
  phone: string;
}

/** An initiative as the service's CreateInitiativeInput takes it, with the source every write cites. */
export interface InitiativeInput {
  kind: 'PROJECT';
  name: string;
  description: string;
  start: string;
  themes: string[];
  municipalities: string[];
  source: { title: string; publisher: string };
}

/** A participation as the service's AddParticipationInput takes it. */
export interface ParticipationInput {
  actorId: string;
  initiativeId: string;
  role: 'PARTNER';
  since: string;
  source: { title: string; publisher: string };
}

/** A GraphQL body (ours, the peer) or a path and body for the floor. */
export type BenchRequest = { method: 'GET' | 'POST'; path: string; body?: string };

/** A GraphQL POST to a server's endpoint (ours and the peer's). */
export const graphqlRequest = (query: string, variables: Record<string, unknown>): BenchRequest => ({
  method: 'POST',
  path: '',
  body: JSON.stringify({ query, variables }),
});

/** The service's own questions, as a client of its contract asks them. */
export const oursRequests = {
  profile: (id: string) =>
    graphqlRequest(
      `query Profile($id: ID!) { actor(id: $id) { id name kind description themes { key label } municipalities { code name }
         participations { role status since until initiative { id name kind start end } } } }`,
      { id },
    ),
  list: (county: string, theme: string) =>
    graphqlRequest(
      `query List($county: String!, $theme: String!) {
         actors(filter: { counties: [$county], themes: [$theme], kinds: [ASSOCIATION, AUTHORITY, MUNICIPAL_UNIT, BUSINESS] }, first: 50) {
           edges { node { id name kind municipalities { code name } } } } }`,
      { county, theme },
    ),
  suggestions: (id: string) =>
    graphqlRequest(
      `query Suggestions($id: ID!) { partnerSuggestions(forId: $id, first: 10) { actor { id name kind } score reasons { kind detail } } }`,
      { id },
    ),
  overlaps: (county: string) =>
    graphqlRequest(
      `query Overlaps($county: String!) { overlaps(filter: { counties: [$county] }, first: 20) { a { id name } b { id name } score overlappingDays } }`,
      { county },
    ),
  search: (text: string) =>
    graphqlRequest(
      `query Search($text: String!) { search(text: $text, first: 20) {
         __typename ... on Organization { id name } ... on Person { id name } ... on Initiative { id name } } }`,
      { text },
    ),
  /** The service takes the last word as a prefix itself. */
  prefix: (text: string) => oursRequests.search(text),
  register: (input: RegistrationInput) =>
    graphqlRequest(`mutation Register($input: RegisterAssociationInput!) { registerAssociation(input: $input) { id name status } }`, { input }),
  createInitiative: (input: InitiativeInput) =>
    graphqlRequest(`mutation CreateInitiative($input: CreateInitiativeInput!) { createInitiative(input: $input) { id name status } }`, { input }),
  addParticipation: (input: ParticipationInput) =>
    graphqlRequest(`mutation AddParticipation($input: AddParticipationInput!) { addParticipation(input: $input) { id role status } }`, { input }),
};

/** The floor's routes. */
export const floorRequests = {
  profile: (id: string): BenchRequest => ({ method: 'GET', path: `/profile?${new URLSearchParams({ id })}` }),
  list: (county: string, theme: string): BenchRequest => ({ method: 'GET', path: `/list?${new URLSearchParams({ county, theme })}` }),
  suggestions: (id: string): BenchRequest => ({ method: 'GET', path: `/suggestions?${new URLSearchParams({ id })}` }),
  overlaps: (county: string): BenchRequest => ({ method: 'GET', path: `/overlaps?${new URLSearchParams({ county })}` }),
  search: (text: string): BenchRequest => ({ method: 'GET', path: `/search?${new URLSearchParams({ text })}` }),
  prefix: (text: string): BenchRequest => ({ method: 'GET', path: `/search?${new URLSearchParams({ text, prefix: 'true' })}` }),
  register: (input: RegistrationInput): BenchRequest => ({ method: 'POST', path: '/register', body: JSON.stringify(input) }),
  createInitiative: (input: InitiativeInput): BenchRequest => ({ method: 'POST', path: '/create-initiative', body: JSON.stringify(input) }),
  addParticipation: (input: ParticipationInput): BenchRequest => ({ method: 'POST', path: '/add-participation', body: JSON.stringify(input) }),
};

export type RequestSet = typeof oursRequests;

/** Every registration a benchmark sends carries this in its e-mail address, so that the run can remove them. */
export const registrationMark = 'bench-registration';

/** Every initiative a benchmark writes carries this in its name, so that the run can remove them. */
export const initiativeMark = 'Belastningsprov';

/** The source every benchmark write cites. */
export const benchSource = { title: 'Belastningsprovet', publisher: 'Samverkan' };

/** The n-th registration: unique, in a kommun and on a theme that traffic names. */
export function nthRegistration(samples: Samples, n: number): RegistrationInput {
  const unique = `${Date.now().toString(36)}-${n}`;
  return {
    name: `Föreningen Prov ${unique}`,
    organizationNumber: samples.registrationNumber(n),
    municipality: samples.municipalities[n % samples.municipalities.length]!,
    themes: [samples.themes[n % samples.themes.length]!],
    description: 'En förening som registrerar sig under belastningsprovet.',
    email: `${registrationMark}-${unique}@example.org`,
    password: 'belastningsprovets-lösenord-1',
    phone: '010-123 45 67',
  };
}

/** The n-th new initiative: unique, in a kommun and on a theme that traffic names. */
export function nthInitiative(samples: Samples, n: number): InitiativeInput {
  return {
    kind: 'PROJECT',
    name: `${initiativeMark} ${Date.now().toString(36)}-${n}`,
    description: 'Ett initiativ som skapas under belastningsprovet.',
    start: '2026-01-01',
    themes: [samples.themes[n % samples.themes.length]!],
    municipalities: [samples.municipalities[n % samples.municipalities.length]!],
    source: benchSource,
  };
}

/**
 * The n-th new participation: organisation n mod A joins initiative (n mod A + round) mod I in the round-th
 * pass over the organisations. No actor takes the same role in one initiative twice over A × I additions,
 * and additions sent one after the other name different organisations and different initiatives, as
 * people's would; additions to one initiative or by one organisation wait for each other's locks.
 */
export function nthParticipation(targets: WriteTargets, n: number): ParticipationInput {
  const { organizationIds, initiativeIds } = targets;
  const actor = n % organizationIds.length;
  const round = Math.floor(n / organizationIds.length);
  if (round >= initiativeIds.length) throw new Error(`the run's ${initiativeIds.length} initiatives are used up after ${n} additions`);
  const initiative = (actor + round) % initiativeIds.length;
  return { actorId: organizationIds[actor]!, initiativeId: initiativeIds[initiative]!, role: 'PARTNER', since: '2026-01-01', source: benchSource };
}

/** The n-th request of an operation, cycling through the samples. */
export function nthRequest(requests: RequestSet, operation: OperationName, samples: Samples, n: number, targets?: WriteTargets): BenchRequest {
  const pick = <T>(items: T[]) => items[n % items.length]!;
  switch (operation) {
    case 'profile':
      return requests.profile(pick(samples.profileIds));
    case 'list': {
      const { county, theme } = pick(samples.listFilters);
      return requests.list(county, theme);
    }
    case 'suggestions':
      return requests.suggestions(pick(samples.suggestionIds));
    case 'overlaps':
      return requests.overlaps(pick(samples.counties));
    case 'search':
      return requests.search(pick(samples.searchTexts));
    case 'prefix':
      return requests.prefix(pick(samples.prefixTexts));
    case 'register':
      return requests.register(nthRegistration(samples, n));
    case 'createInitiative':
      return requests.createInitiative(nthInitiative(samples, n));
    case 'addParticipation':
      if (!targets) throw new Error('addParticipation needs the run’s write targets (prepareWriteTargets)');
      return requests.addParticipation(nthParticipation(targets, n));
  }
}

export const serverNames: ServerName[] = ['ours', 'peer', 'floor'];
