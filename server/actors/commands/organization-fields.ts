/** The fields of an organisation that its history records. */
export const organizationFields = ['kind', 'name', 'description', 'organizationNumber', 'email', 'phone', 'status', 'themes', 'municipalities', 'parent'] as const;
