import organisationsnummerModule from 'organisationsnummer';
import { z } from 'zod';
import { municipalityCodes, printable, themeKeys } from '../shared/inputs.ts';

// The package's types declare an ES default export, but Node loads its CommonJS build, whose exports are the class.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

export const organizationName = printable(200).pipe(z.string().min(2, 'must be at least 2 characters'));
export const description = printable(4000);
export const email = z.string().trim().max(254).pipe(z.email('is not an e-mail address'));
export const phone = printable(40).pipe(z.string().regex(/^\+?[0-9][0-9 ()-]{4,}$/, 'is not a phone number'));

/** An organisation's number in "NNNNNN-NNNN" form; personnummer (sole traders) are refused: they are personal data. */
export const organizationNumber = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  if (!/^\d{6}-?\d{4}$/.test(trimmed) || !Organisationsnummer.valid(trimmed)) {
    ctx.addIssue({ code: 'custom', message: 'is not a valid organisationsnummer (ten digits with a correct check digit)' });
    return z.NEVER;
  }
  const parsed = Organisationsnummer.parse(trimmed);
  if (parsed.isPersonnummer()) {
    ctx.addIssue({ code: 'custom', message: 'is a personnummer, not an organisation’s number' });
    return z.NEVER;
  }
  return parsed.format(true);
});

export const password = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(200, 'must be at most 200 characters')
  .refine((text) => /\p{L}/u.test(text) && /[^\p{L}]/u.test(text), 'must mix letters with digits or symbols');

export const registerAssociationInput = z.object({
  name: organizationName,
  organizationNumber,
  municipality: z.string().pipe(municipalityCodes.element),
  themes: themeKeys.max(20, 'must name at most 20 themes'),
  description: description.nullish(),
  email,
  password,
  phone: phone.nullish(),
});
export type RegisterAssociation = z.infer<typeof registerAssociationInput>;

export const reviewReason = printable(1000).nullish();
