/**
 * The allow-list that maps an actor kind to its node label. Labels cannot be Cypher parameters, so
 * they are only ever taken from this table, never from input.
 */
export const organizationLabelByKind = {
  ASSOCIATION: 'Association',
  AUTHORITY: 'Authority',
  MUNICIPAL_UNIT: 'MunicipalUnit',
  BUSINESS: 'Business',
} as const;

export type OrganizationKind = keyof typeof organizationLabelByKind;

export const organizationKinds = Object.keys(organizationLabelByKind) as OrganizationKind[];
