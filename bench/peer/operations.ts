/**
 * The benchmark operations as a client of the peer (the Neo4j GraphQL Library's generated schema,
 * bench/peer/type-defs.ts) asks them. Each builder takes the arguments the other servers' builders take
 * (bench/harness/operations.ts) and returns the request to POST to the peer's /graphql endpoint.
 *
 *   profile      generated `organizations(where: { id })` with a `initiativesConnection` filtered on the edge
 *   list         generated `organizations(where, sort, limit)` with relationship filters
 *   suggestions  @cypher Query.partnerSuggestions (the floor's statement)
 *   overlaps     @cypher Query.overlaps (the floor's statement)
 *   search       @fulltext: one generated query per node type over the existing actor_text / initiative_text
 *   register     generated `createAssociations` with nested connect (themes, kommun) and create (account)
 *   createInitiative  generated `createInitiatives` with nested connect (themes, kommun) and create (source)
 *   addParticipation  generated `updateOrganizations` connecting the initiative with the edge's properties
 */

import { randomUUID } from 'node:crypto';
import { anyWordQuery } from '../../server/shared/fulltext.ts';
import { lastWordAsPrefix } from '../floor/queries.ts';
import { graphqlRequest, type BenchRequest, type InitiativeInput, type OperationName, type ParticipationInput, type RegistrationInput } from '../harness/operations.ts';

/** The date a running period is taken to end on, as the service and the floor use it. */
const today = () => new Date().toISOString().slice(0, 10);

/** Confirmed participations: the edge filter an anonymous caller's view needs. */
const confirmed = '{ status: { eq: CONFIRMED } }';

export const profileQuery = `query Profile($id: ID!) {
  organizations(where: { id: { eq: $id }, status: { eq: VERIFIED } }) {
    id name kind description
    themes { key label }
    municipalities { code name }
    initiativesConnection(where: { edge: ${confirmed} }) {
      edges { properties { role status since until } node { id name kind start end } }
    }
  }
}`;

/**
 * Verified organisations that work on the theme and act in the län, themselves or through a confirmed
 * initiative (as the service and the floor define it), by name then id.
 */
export const listQuery = `query List($county: String!, $theme: String!) {
  organizations(
    where: {
      status: { eq: VERIFIED }
      AND: [
        { OR: [
          { themes: { some: { key: { eq: $theme } } } }
          { initiativesConnection: { some: { edge: ${confirmed}, node: { themes: { some: { key: { eq: $theme } } } } } } }
        ] }
        { OR: [
          { municipalities: { some: { county: { code: { eq: $county } } } } }
          { initiativesConnection: { some: { edge: ${confirmed}, node: { municipalities: { some: { county: { code: { eq: $county } } } } } } } }
        ] }
      ]
    }
    sort: [{ name: ASC }, { id: ASC }]
    limit: 50
  ) {
    id name kind
    municipalities { code name }
  }
}`;

export const suggestionsQuery = `query Suggestions($id: ID!) {
  partnerSuggestions(id: $id, first: 10) {
    actor { id name kind } score sharedThemes sharedMunicipalities sharedCounties commonPartners families
  }
}`;

export const overlapsQuery = `query Overlaps($county: String!, $today: String!) {
  overlaps(county: $county, today: $today, first: 20) { a { id name } b { id name } score overlappingDays }
}`;

/**
 * One generated full-text query per node type, each the best 20 of its kind: the 20 best overall are among
 * them (the client merges by score). Visibility as for an anonymous caller: verified organisations, people
 * who are not role models (kind PERSON) or role models with consent.
 */
export const searchQuery = `query Search($phrase: String!) {
  organizationsByText(phrase: $phrase, where: { node: { status: { eq: VERIFIED } } }, sort: [{ score: DESC }], first: 20) {
    edges { score node { id name } }
  }
  peopleByText(phrase: $phrase, where: { node: { OR: [{ kind: { eq: PERSON } }, { consentGiven: { eq: true } }] } }, sort: [{ score: DESC }], first: 20) {
    edges { score node { id name } }
  }
  initiativesByText(phrase: $phrase, sort: [{ score: DESC }], first: 20) {
    edges { score node { id name } }
  }
}`;

export const registerMutation = `mutation Register($input: [AssociationCreateInput!]!) {
  createAssociations(input: $input) { associations { id name status } }
}`;

/** The generated create input: the organisation, its theme and kommun links, and its account. */
export function registrationVariables(input: RegistrationInput) {
  const email = input.email.trim().toLowerCase();
  return {
    input: [
      {
        kind: 'ASSOCIATION',
        status: 'PENDING',
        name: input.name,
        organizationNumber: input.organizationNumber,
        description: input.description ?? null,
        email,
        phone: input.phone ?? null,
        themes: { connect: [{ where: { node: { key: { in: input.themes } } } }] },
        municipalities: { connect: [{ where: { node: { code: { eq: input.municipality } } } }] },
        // The plain password: the server replaces it with its scrypt hash before the library sees it.
        accounts: { create: [{ node: { email, passwordHash: input.password, role: 'ASSOCIATION', municipalities: [] } }] },
      },
    ],
  };
}

export const createInitiativeMutation = `mutation CreateInitiative($input: [InitiativeCreateInput!]!) {
  createInitiatives(input: $input) { initiatives { id name status } }
}`;

/** The generated create input: the initiative, its theme and kommun links, and the source it cites. */
export function initiativeVariables(input: InitiativeInput) {
  return {
    input: [
      {
        kind: input.kind,
        status: 'VERIFIED',
        name: input.name,
        description: input.description,
        start: input.start,
        startFirst: input.start,
        themes: { connect: [{ where: { node: { key: { in: input.themes } } } }] },
        municipalities: { connect: [{ where: { node: { code: { in: input.municipalities } } } }] },
        // The peer's Source has no generated id (the service's sources are written with ids of their own).
        sources: { create: [{ node: { id: randomUUID(), title: input.source.title, publisher: input.source.publisher } }] },
      },
    ],
  };
}

/**
 * The generated update connecting the initiative, with the participation's properties on the edge. The
 * library has no way to cite a source from a relationship, so the peer writes none: it does less than the
 * service and the floor here.
 */
export const addParticipationMutation = `mutation AddParticipation($actorId: ID!, $initiativeId: ID!, $edge: ParticipationCreateInput!) {
  updateOrganizations(
    where: { id: { eq: $actorId } }
    update: { initiatives: [{ connect: [{ where: { node: { id: { eq: $initiativeId } } }, edge: $edge }] }] }
  ) { organizations { id } }
}`;

export function participationVariables(input: ParticipationInput) {
  return {
    actorId: input.actorId,
    initiativeId: input.initiativeId,
    edge: { role: input.role, status: 'CONFIRMED', since: input.since, sinceFirst: input.since },
  };
}

/** One request builder per operation, with the arguments the other servers' builders take. */
export const peerRequests = {
  profile: (id: string) => graphqlRequest(profileQuery, { id }),
  list: (county: string, theme: string) => graphqlRequest(listQuery, { county, theme }),
  suggestions: (id: string) => graphqlRequest(suggestionsQuery, { id }),
  overlaps: (county: string) => graphqlRequest(overlapsQuery, { county, today: today() }),
  search: (text: string) => graphqlRequest(searchQuery, { phrase: anyWordQuery(text) }),
  prefix: (text: string) => graphqlRequest(searchQuery, { phrase: lastWordAsPrefix(anyWordQuery(text)) }),
  register: (input: RegistrationInput) => graphqlRequest(registerMutation, registrationVariables(input)),
  createInitiative: (input: InitiativeInput) => graphqlRequest(createInitiativeMutation, initiativeVariables(input)),
  addParticipation: (input: ParticipationInput) => graphqlRequest(addParticipationMutation, participationVariables(input)),
} satisfies Record<OperationName, (...args: never[]) => BenchRequest>;
