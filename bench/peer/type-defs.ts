/**
 * The peer's schema: the stored graph as the Neo4j GraphQL Library (@neo4j/graphql 7) models it, with the
 * library's generated queries and mutations, plus @cypher fields for the two questions the library has no
 * notion of (partner suggestions, overlaps). Their Cypher is the floor's own text (bench/floor/queries.ts),
 * so that peer and floor differ only by what sits between HTTP and the driver.
 *
 * Labels, properties and relationship types are those the service and its seed loader write
 * (seeds/loader/network.ts, server/accounts/registration.ts): every id is unique-constrained on the label
 * the library matches on (Actor, Initiative, Account), so its generated MATCHes can use the same indexes.
 */
import { overlapsCypher, partnerSuggestionsCypher, searchCypher } from '../floor/queries.ts';

/** The statements the @cypher fields run; the floor's, unless a caller (a test) passes others. */
export interface CustomStatements {
  /** $id, $first → rows with columns actor, score, sharedThemes, sharedMunicipalities, sharedCounties, commonPartners, families. */
  partnerSuggestions: string;
  /** $county, $today, $first → rows with columns a, b, score, overlappingDays. */
  overlaps: string;
  /** $query, $first → rows with column hit. */
  search: string;
}

export const floorStatements: CustomStatements = {
  partnerSuggestions: partnerSuggestionsCypher,
  overlaps: overlapsCypher,
  search: searchCypher,
};

/**
 * A @cypher field returns one column. The floor's statements return several, so each is wrapped, verbatim,
 * in a subquery whose rows become one map. (Statement text goes into a GraphQL block string: """ and
 * backslashes would need escaping; the floor's text has neither, and this checks it.)
 */
function asOneColumn(statement: string, columns: string[], column: string): string {
  if (statement.includes('"""') || statement.includes('\\')) throw new Error('a @cypher statement may not contain """ or backslashes');
  return `CALL () {\n${statement}\n}\nRETURN { ${columns.map((name) => `${name}: ${name}`).join(', ')} } AS ${column}`;
}

export function buildTypeDefs(statements: CustomStatements = floorStatements): string {
  const suggestions = asOneColumn(
    statements.partnerSuggestions,
    ['actor', 'score', 'sharedThemes', 'sharedMunicipalities', 'sharedCounties', 'commonPartners', 'families'],
    'suggestion',
  );
  const overlaps = asOneColumn(statements.overlaps, ['a', 'b', 'score', 'overlappingDays'], 'overlap');
  const search = asOneColumn(statements.search, ['hit'], 'result');
  return /* GraphQL */ `
enum ActorKind { ASSOCIATION AUTHORITY MUNICIPAL_UNIT ROLE_MODEL BUSINESS PERSON }
enum VerificationStatus { PENDING VERIFIED REJECTED }
enum InitiativeKind { PROJECT PROGRAMME AGREEMENT DECLARATION NETWORK ACTIVITY }
enum ParticipationRole { LEAD CO_APPLICANT PARTNER FUNDER SIGNATORY MEMBER CONTACT IMPLEMENTING }
enum ClaimStatus { CLAIMED CONFIRMED REJECTED }
enum Role { ADMIN STRATEGIST ASSOCIATION RESEARCHER }

type Theme @node {
  id: ID!
  key: String!
  label: String!
}

type County @node {
  code: String!
  name: String!
  municipalities: [Municipality!]! @relationship(type: "IN_COUNTY", direction: IN)
}

type Municipality @node {
  code: String!
  name: String!
  # Nullable: v7 refuses a required single relationship (Non-list relationship property "county" cannot have non-nullable type).
  county: County @relationship(type: "IN_COUNTY", direction: OUT)
}

type Source @node {
  id: ID!
  title: String!
  publisher: String
  published: String
  url: String
  document: String
}

"PARTICIPATES_IN: dates are partial ISO dates as written, with the first and last day they cover."
type Participation @relationshipProperties {
  role: ParticipationRole!
  status: ClaimStatus!
  since: String
  until: String
  sinceFirst: Date
  untilLast: Date
}

"(:Actor:Organization), of any kind; the kind's own label (Association, Authority, …) is not needed to read."
type Organization
  @node(labels: ["Organization", "Actor"])
  @fulltext(indexes: [{ indexName: "actor_text", queryName: "organizationsByText", fields: ["name", "description"] }]) {
  id: ID! @id
  kind: ActorKind!
  name: String!
  description: String
  organizationNumber: String
  status: VerificationStatus!
  email: String
  phone: String
  address: String
  createdAt: DateTime
  updatedAt: DateTime
  themes: [Theme!]! @relationship(type: "HAS_THEME", direction: OUT)
  municipalities: [Municipality!]! @relationship(type: "IN_MUNICIPALITY", direction: OUT)
  initiatives: [Initiative!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  parent: Organization @relationship(type: "PART_OF", direction: OUT)
  units: [Organization!]! @relationship(type: "PART_OF", direction: IN)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
  accounts: [Account!]! @relationship(type: "REPRESENTS", direction: IN)
}

"""
A registering association: the same nodes with the Association label as well, which only a create writes.
Reads go through Organization.
"""
type Association
  @node(labels: ["Association", "Organization", "Actor"])
  @query(read: false, aggregate: false)
  @mutation(operations: [CREATE]) {
  id: ID! @id
  kind: ActorKind!
  name: String!
  description: String
  organizationNumber: String!
  status: VerificationStatus!
  email: String
  phone: String
  createdAt: DateTime! @timestamp(operations: [CREATE])
  updatedAt: DateTime! @timestamp
  themes: [Theme!]! @relationship(type: "HAS_THEME", direction: OUT)
  municipalities: [Municipality!]! @relationship(type: "IN_MUNICIPALITY", direction: OUT)
  accounts: [Account!]! @relationship(type: "REPRESENTS", direction: IN)
}

"(:Actor:Person), a role model (with the RoleModel label and kind ROLE_MODEL) or a contact person (kind PERSON)."
type Person
  @node(labels: ["Person", "Actor"])
  @fulltext(indexes: [{ indexName: "actor_text", queryName: "peopleByText", fields: ["name", "description"] }]) {
  id: ID! @id
  kind: ActorKind!
  name: String!
  title: String
  description: String
  consentGiven: Boolean
  themes: [Theme!]! @relationship(type: "HAS_THEME", direction: OUT)
  municipalities: [Municipality!]! @relationship(type: "IN_MUNICIPALITY", direction: OUT)
  initiatives: [Initiative!]! @relationship(type: "PARTICIPATES_IN", direction: OUT, properties: "Participation")
  organization: Organization @relationship(type: "AFFILIATED_WITH", direction: OUT)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Initiative
  @node
  @fulltext(indexes: [{ indexName: "initiative_text", queryName: "initiativesByText", fields: ["name", "description"] }]) {
  id: ID! @id
  kind: InitiativeKind!
  name: String!
  description: String
  start: String
  end: String
  startFirst: Date
  endLast: Date
  status: VerificationStatus
  createdAt: DateTime @timestamp(operations: [CREATE])
  updatedAt: DateTime @timestamp
  themes: [Theme!]! @relationship(type: "HAS_THEME", direction: OUT)
  municipalities: [Municipality!]! @relationship(type: "IN_MUNICIPALITY", direction: OUT)
  organizations: [Organization!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  people: [Person!]! @relationship(type: "PARTICIPATES_IN", direction: IN, properties: "Participation")
  partOf: Initiative @relationship(type: "PART_OF", direction: OUT)
  parts: [Initiative!]! @relationship(type: "PART_OF", direction: IN)
  sources: [Source!]! @relationship(type: "CITES", direction: OUT)
}

type Account @node {
  id: ID! @id
  email: String!
  "Write-only. The client sends the plain password here; the server stores its scrypt hash (see server.ts)."
  passwordHash: String! @selectable(onRead: false, onAggregate: false) @filterable(byValue: false, byAggregate: false)
  role: Role!
  municipalities: [String!]
  createdAt: DateTime! @timestamp(operations: [CREATE])
  organization: Organization @relationship(type: "REPRESENTS", direction: OUT)
}

"An actor as the partner-suggestion statement projects it."
type SuggestedActor { id: ID!  name: String!  kind: ActorKind! }

type PartnerSuggestion {
  actor: SuggestedActor!
  score: Float!
  sharedThemes: [String!]!
  sharedMunicipalities: [String!]!
  sharedCounties: [String!]!
  commonPartners: [String!]!
  families: [String!]!
}

type InitiativeRef { id: ID!  name: String! }

type Overlap {
  a: InitiativeRef!
  b: InitiativeRef!
  score: Float!
  overlappingDays: Int
}

type SearchHit { id: ID!  name: String!  type: String! }

type Query {
  "Partner suggestions for an actor, best first (the floor's statement)."
  partnerSuggestions(id: ID!, first: Int = 10): [PartnerSuggestion!]!
    @cypher(statement: """
${suggestions}
""", columnName: "suggestion")
  "Pairs of initiatives in a län that overlap (the floor's statement). today: YYYY-MM-DD, the end of a running period."
  overlaps(county: String!, today: String!, first: Int = 20): [Overlap!]!
    @cypher(statement: """
${overlaps}
""", columnName: "overlap")
  "Actors and initiatives together, best first (the floor's statement); query is Lucene syntax. The benchmark uses the @fulltext queries instead."
  searchRanked(query: String!, first: Int = 20): [SearchHit!]!
    @cypher(statement: """
${search}
""", columnName: "result")
}
`;
}

export const typeDefs = buildTypeDefs();
