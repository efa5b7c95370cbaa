import organisationsnummerModule from 'organisationsnummer';
import { z } from 'zod';
import { municipalityCodes, printable, themeKeys } from '../shared/inputs.ts';
import { inBoth, say } from '../shared/zod-language.ts';

// The package's types declare an ES default export, but Node loads its CommonJS build, whose exports are the class.
const Organisationsnummer = organisationsnummerModule as unknown as typeof organisationsnummerModule.default;

export const organizationName = printable(200).pipe(z.string().min(2, inBoth('must be at least 2 characters', 'måste vara minst 2 tecken')));
export const description = printable(4000);
export const email = z.string().trim().max(254).pipe(z.email(inBoth('is not an e-mail address', 'är ingen e-postadress')));
export const phone = printable(40).pipe(z.string().regex(/^\+?[0-9][0-9 ()-]{4,}$/, inBoth('is not a phone number', 'är inget telefonnummer')));

/** An organisation's number in "NNNNNN-NNNN" form; personnummer (sole traders) are refused: they are personal data. */
export const organizationNumber = z.string().transform((text, ctx) => {
  const trimmed = text.trim();
  if (!/^\d{6}-?\d{4}$/.test(trimmed) || !Organisationsnummer.valid(trimmed)) {
    ctx.addIssue({ code: 'custom', message: say('is not a valid organisationsnummer (ten digits with a correct check digit)', 'är inget giltigt organisationsnummer (tio siffror med rätt kontrollsiffra)') });
    return z.NEVER;
  }
  const parsed = Organisationsnummer.parse(trimmed);
  if (parsed.isPersonnummer()) {
    ctx.addIssue({ code: 'custom', message: say('is a personnummer, not an organisation’s number', 'är ett personnummer, inte en organisations nummer') });
    return z.NEVER;
  }
  return parsed.format(true);
});

export const password = z
  .string()
  .min(12, inBoth('must be at least 12 characters', 'måste vara minst 12 tecken'))
  .max(200, inBoth('must be at most 200 characters', 'får vara högst 200 tecken'))
  .refine((text) => /\p{L}/u.test(text) && /[^\p{L}]/u.test(text), inBoth('must mix letters with digits or symbols', 'måste blanda bokstäver med siffror eller andra tecken'));

export const registerAssociationInput = z.object({
  name: organizationName,
  organizationNumber,
  municipality: z.string().pipe(municipalityCodes.element),
  themes: themeKeys.max(20, inBoth('must name at most 20 themes', 'får ange högst 20 teman')),
  description: description.nullish(),
  email,
  password,
  phone: phone.nullish(),
});
export type RegisterAssociation = z.infer<typeof registerAssociationInput>;

export const reviewReason = printable(1000).nullish();
