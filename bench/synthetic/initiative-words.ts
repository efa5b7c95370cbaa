import type { Period } from './dates.ts';
import { capitalise, joinedPhrases } from './names.ts';
import { countyOf, kommunOrganizationName, type Kommun } from './places.ts';
import type { Random } from './random.ts';
import type { InitiativeKind, InitiativeRow } from './rows.ts';
import { themeOf } from './themes.ts';

/** What an initiative is about, in words: names and descriptions carry theme words, so that full-text search finds them. */
export interface Topic {
  themes: string[];
  phrases: string;
  /** One thing done under the first theme, for names and descriptions. */
  activity: string;
}

export function topicOf(random: Random, themeKeys: string[]): Topic {
  const phrases = themeKeys.map((key) => themeOf(key).phrase);
  return {
    themes: themeKeys,
    phrases: joinedPhrases(phrases),
    activity: random.pick(themeOf(themeKeys[0]!).activities),
  };
}

/** Names and descriptions of initiatives that are not parts, in the style of the seed documents. */
export function wordsForWhole(random: Random, kind: InitiativeKind, topic: Topic, places: Kommun[], period: Period, medborgarlofte: boolean) {
  const place = places[0]!.name;
  const where = places.map((k) => k.name).join(', ');
  const { phrases, activity } = topic;
  const phrase = themeOf(topic.themes[0]!).phrase;
  const Activity = capitalise(activity);
  switch (kind) {
    case 'PROJECT':
      return {
        name: random.pick([`Tillsammans för ${phrase} i ${place}`, `Projekt ${Activity} ${place}`, `Framtidens ${place}`, `Vägar till ${phrase} i ${place}`, `${Activity} i ${place}`]),
        description: `Projekt i ${where} om ${phrases}. Inom projektet ordnas ${activity}.`,
      };
    case 'ACTIVITY':
      return {
        name: random.pick([`${Activity} i ${place}`, `Temadag om ${phrase} i ${place}`, `Workshop om ${phrase} i ${place}`, `Öppet möte om ${phrase} i ${place}`, `Webbinarium om ${phrase}`]),
        description: `Aktivitet i ${where}: ${activity} med fokus på ${phrases}.`,
      };
    case 'PROGRAMME':
      return {
        name: random.pick([`Handlingsplan för ${phrase} i ${place}`, `Program för ${phrase} i ${place}`, `Satsningen på ${phrase} i ${place}`]),
        description: `Program i ${where} för ${phrases}, med insatser som ${activity}.`,
      };
    case 'AGREEMENT':
      return medborgarlofte
        ? {
            name: `Medborgarlöfte i ${place}${period.start ? ` ${period.start.slice(0, 4)}` : ''}`,
            description: `Medborgarlöfte mellan ${kommunOrganizationName(places[0]!)} och Polisen. Inriktning: ${phrases}, bland annat ${activity}.`,
          }
        : {
            name: `Idéburet offentligt partnerskap: ${activity} i ${place}`,
            description: `Idéburet offentligt partnerskap i ${where} om ${phrases}: ${activity}.`,
          };
    case 'DECLARATION':
      return {
        name: random.pick([`Avsiktsförklaring om ${phrase} i ${countyOf(places[0]!).name}`, `Deklaration för ${phrase} i ${place}`]),
        description: `Avsiktsförklaring i ${countyOf(places[0]!).name} om samverkan kring ${phrases}.`,
      };
    case 'NETWORK':
      return {
        name: random.pick([`Referensgruppen för ${phrase} i ${place}`, `Nätverket för ${phrase} i ${place}`, `Samverkansforum för ${phrase} i ${place}`]),
        description: `Nätverk i ${where} där föreningar, kommun och myndigheter möts kring ${phrases}, till exempel med ${activity}.`,
      };
  }
}

/** An agreement's renewed term, such as the seed's medborgarlöfte periods. */
export function isAgreementTerm(kind: InitiativeKind, whole: InitiativeRow): boolean {
  return whole.kind === 'AGREEMENT' && kind === 'AGREEMENT';
}

/** A part is named by its whole: "…, period 2", "Delprojekt 3: Läxläsning", "Nätverksträff 4 inom …". */
export function wordsForPart(kind: InitiativeKind, topic: Topic, whole: InitiativeRow, number: number) {
  const Activity = capitalise(topic.activity);
  const name = isAgreementTerm(kind, whole)
    ? `${whole.name}, period ${number}`
    : whole.kind === 'NETWORK'
      ? `Nätverksträff ${number} inom ${whole.name}`
      : kind === 'PROJECT'
        ? `Delprojekt ${number}: ${Activity}`
        : `${Activity} inom ${whole.name}`;
  return { name, description: `Del av ${whole.name}: ${topic.activity} med fokus på ${topic.phrases}.` };
}
