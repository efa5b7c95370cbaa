/** The languages the API answers in: Swedish for the web and whoever asks for it, English for everyone else. */
export type Language = 'en' | 'sv';

/** One message in each language the API answers in. */
export interface Texts {
  en: string;
  sv: string;
}

const offered: readonly Language[] = ['en', 'sv'];

/**
 * The language of an `Accept-Language` header: the offered language the client weighs highest (`sv`,
 * `sv-SE` and the like count as Swedish); English when the header is missing or names neither, so that
 * clients written before Swedish existed read what they always did.
 */
export function languageOf(acceptLanguage: string | undefined): Language {
  let best: { language: Language; weight: number } = { language: 'en', weight: 0 };
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = part.trim().toLowerCase().split(';');
    const language = offered.find((candidate) => tag === candidate || tag.startsWith(`${candidate}-`));
    if (!language) continue;
    const weightParameter = parameters.map((parameter) => parameter.trim()).find((parameter) => parameter.startsWith('q='));
    const weight = weightParameter ? Number(weightParameter.slice(2)) : 1;
    if (Number.isFinite(weight) && weight > best.weight) best = { language, weight };
  }
  return best.language;
}
