/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query FilteredActors($filter: ActorFilter!, $after: String) {\n    actors(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.FilteredActorsDocument,
    "\n  query FilteredInitiatives($filter: InitiativeFilter!, $after: String) {\n    initiatives(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.FilteredInitiativesDocument,
    "\n  query Search($text: String!) {\n    search(text: $text, first: 50) {\n      __typename\n      ... on Organization {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Person {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Initiative {\n        id\n        initiativeKind: kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n    }\n  }\n": typeof types.SearchDocument,
    "\n  query Reference {\n    themes {\n      key\n      label\n    }\n    municipalities {\n      code\n      name\n      county {\n        code\n        name\n      }\n    }\n  }\n": typeof types.ReferenceDocument,
};
const documents: Documents = {
    "\n  query FilteredActors($filter: ActorFilter!, $after: String) {\n    actors(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.FilteredActorsDocument,
    "\n  query FilteredInitiatives($filter: InitiativeFilter!, $after: String) {\n    initiatives(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n": types.FilteredInitiativesDocument,
    "\n  query Search($text: String!) {\n    search(text: $text, first: 50) {\n      __typename\n      ... on Organization {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Person {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Initiative {\n        id\n        initiativeKind: kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n    }\n  }\n": types.SearchDocument,
    "\n  query Reference {\n    themes {\n      key\n      label\n    }\n    municipalities {\n      code\n      name\n      county {\n        code\n        name\n      }\n    }\n  }\n": types.ReferenceDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredActors($filter: ActorFilter!, $after: String) {\n    actors(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilteredActors($filter: ActorFilter!, $after: String) {\n    actors(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FilteredInitiatives($filter: InitiativeFilter!, $after: String) {\n    initiatives(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query FilteredInitiatives($filter: InitiativeFilter!, $after: String) {\n    initiatives(filter: $filter, first: 10, after: $after) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          __typename\n          id\n          kind\n          name\n          description\n          municipalities {\n            code\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Search($text: String!) {\n    search(text: $text, first: 50) {\n      __typename\n      ... on Organization {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Person {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Initiative {\n        id\n        initiativeKind: kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Search($text: String!) {\n    search(text: $text, first: 50) {\n      __typename\n      ... on Organization {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Person {\n        id\n        kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n      ... on Initiative {\n        id\n        initiativeKind: kind\n        name\n        description\n        municipalities {\n          code\n          name\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Reference {\n    themes {\n      key\n      label\n    }\n    municipalities {\n      code\n      name\n      county {\n        code\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Reference {\n    themes {\n      key\n      label\n    }\n    municipalities {\n      code\n      name\n      county {\n        code\n        name\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;