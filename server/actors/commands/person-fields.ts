/** The fields of a person that their history records; `organization` is the one they work for. */
export const personFields = ['kind', 'name', 'title', 'description', 'email', 'phone', 'themes', 'municipalities', 'organization'] as const;
