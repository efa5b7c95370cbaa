/** The kinds of initiative and the roles an actor takes in one (IATI's participating-org roles). */
export const initiativeKinds = ['PROJECT', 'PROGRAMME', 'AGREEMENT', 'DECLARATION', 'NETWORK', 'ACTIVITY'] as const;
export type InitiativeKind = (typeof initiativeKinds)[number];

export const participationRoles = ['LEAD', 'CO_APPLICANT', 'PARTNER', 'FUNDER', 'SIGNATORY', 'MEMBER', 'CONTACT', 'IMPLEMENTING'] as const;
export type ParticipationRole = (typeof participationRoles)[number];
