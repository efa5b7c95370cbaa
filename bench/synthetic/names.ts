import type { Random } from './random.ts';

/** Swedish-looking words from which names are put together. None of them names a real organisation. */

const areaPrefixes = ['Björk', 'Ek', 'Lind', 'Gran', 'Sol', 'Sjö', 'Äng', 'Berg', 'Hag', 'Lill', 'Stor', 'Norr', 'Söder', 'Väst', 'Öst', 'Hög', 'Ros', 'Al', 'Rönn', 'Sand', 'Sten', 'Kvarn', 'Mos', 'Fur', 'Ljung'];
const areaSuffixes = ['backen', 'dalen', 'hagen', 'berga', 'torp', 'vik', 'holm', 'by', 'lund', 'ängen', 'gården', 'skogen', 'åsen', 'hed', 'näs', 'sta'];

const sportsClubs = ['Idrottsförening', 'Fotbollsklubb', 'Brottarklubb', 'Boxningsklubb', 'Schackklubb', 'Basketklubb', 'Simsällskap', 'Friidrottsklubb', 'Cricketklubb', 'Taekwondoklubb', 'Innebandyförening', 'Kampsportsklubb'];
const associationKinds = ['Kulturföreningen', 'Föräldraföreningen', 'Kvinnoföreningen', 'Ungdomsföreningen', 'Pensionärsföreningen', 'Hembygdsföreningen', 'Musikföreningen', 'Dansföreningen', 'Fritidsföreningen', 'Integrationsföreningen', 'Läxhjälpsföreningen', 'Scoutkåren', 'Byalaget', 'Teaterföreningen', 'Språkföreningen', 'Hyresgästföreningen'];
const virtues = ['Gemenskap', 'Framtid', 'Bron', 'Mötesplatsen', 'Hopp', 'Vänskap', 'Samhörighet', 'Gnistan', 'Horisont', 'Kompassen', 'Fyren', 'Ankaret', 'Regnbågen', 'Vägen', 'Nyckeln', 'Källan', 'Trädet', 'Stjärnan', 'Tillsammans', 'Glädjen'];
const demonyms = ['Somaliska', 'Syriska', 'Eritreanska', 'Afghanska', 'Kurdiska', 'Assyriska', 'Bosniska', 'Iranska', 'Irakiska', 'Chilenska', 'Finska', 'Polska', 'Thailändska', 'Ukrainska', 'Etiopiska', 'Turkiska', 'Arabiska', 'Persiska', 'Romska', 'Sverigefinska'];
const causes = ['Kvinnojouren', 'Tjejjouren', 'Nattvandrarna', 'Läxhjälpen', 'Fritidsbanken', 'Föräldranätverket', 'Språkvännerna', 'Mentorerna', 'Ungdomsjouren', 'Stödgruppen'];

const firstNames = ['Ahmed', 'Fatima', 'Amina', 'Mohammed', 'Sara', 'Erik', 'Anna', 'Johan', 'Maria', 'Ali', 'Leyla', 'Hassan', 'Emma', 'Karin', 'Lars', 'Nour', 'Yusuf', 'Ida', 'Elin', 'Omar', 'Zainab', 'Mikael', 'Sofia', 'Daniel', 'Hawa', 'Abdi', 'Linnea', 'Jonas', 'Maryam', 'Aida', 'Goran', 'Milena', 'Tomas', 'Eva', 'Ibrahim', 'Samira', 'Oskar', 'Hanna', 'Kristian', 'Selam'];
const lastNames = ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Svensson', 'Gustafsson', 'Hassan', 'Ali', 'Mohamed', 'Ahmadi', 'Yilmaz', 'Haddad', 'Abdullahi', 'Nguyen', 'Kovač', 'Nowak', 'Lindqvist', 'Berg', 'Holmberg', 'Lundgren', 'Sandberg', 'Omar', 'Warsame', 'Tesfaye', 'Rahimi', 'Jovanović'];
const roleModelTitles = ['Fotbollstränare', 'Ungdomsledare', 'Läxhjälpare', 'Entreprenör', 'Författare', 'Boxare', 'Musiker', 'Sjuksköterska', 'Polis', 'Brandman', 'Artist', 'Lärare', 'Fritidsledare', 'Läkare', 'Programledare'];

const businessTrades = ['Bygg', 'Fastigheter', 'Livs', 'Städ', 'Konsult', 'Transport', 'Bageri', 'Media', 'Data', 'Måleri'];
const businessForms = ['AB', 'Aktiebolag', 'i Sverige AB', 'Handelsbolag AB'];

/** The units a kommun has, its most important first; a kommun with more units gets local ones after these. */
const kommunUnitTypes = [
  'Kommunstyrelsen', 'Socialförvaltningen', 'Utbildningsförvaltningen', 'Kultur- och fritidsförvaltningen',
  'Arbetsmarknadsenheten', 'Integrationsenheten', 'Folkhälsoenheten', 'Föreningsservice', 'Fältgruppen',
  'Familjecentralen', 'Vuxenutbildningen', 'Elevhälsan', 'Samhällsbyggnadsförvaltningen', 'Kulturskolan',
  'Medborgarkontoret', 'Ungdomscentret', 'Biblioteket', 'Fritidsgården', 'Öppna förskolan', 'Brottsförebyggande rådet',
];
const localUnitTypes = ['Fritidsgården', 'Biblioteket', 'Familjecentralen', 'Öppna förskolan', 'Medborgarkontoret', 'Träffpunkten'];

/** Local offices of national authorities; the first is the police, which medborgarlöften need. */
export const officeTypes = ['Lokalpolisområde', 'Arbetsförmedlingen', 'Försäkringskassans servicekontor', 'Migrationsverket'] as const;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "a", "a och b", "a, b och c". */
export function joinedPhrases(phrases: string[]): string {
  return phrases.length === 1 ? phrases[0]! : `${phrases.slice(0, -1).join(', ')} och ${phrases[phrases.length - 1]}`;
}

export function areaName(random: Random): string {
  return random.pick(areaPrefixes) + random.pick(areaSuffixes);
}

export function associationName(random: Random, kommunName: string): string {
  switch (random.int(0, 6)) {
    case 0:
      return `${kommunName} ${random.pick(sportsClubs)}`;
    case 1:
      return `${areaName(random)} ${random.pick(sportsClubs)}`;
    case 2:
      return `${random.pick(associationKinds)} ${random.pick(virtues)}`;
    case 3:
      return `${random.pick(demonyms)} föreningen i ${kommunName}`;
    case 4:
      return `${random.pick(causes)} i ${kommunName}`;
    case 5:
      return `Föreningen ${random.pick(virtues)} ${areaName(random)}`;
    default:
      return `${random.pick(associationKinds)} i ${areaName(random)}`;
  }
}

export function personName(random: Random): string {
  return `${random.pick(firstNames)} ${random.pick(lastNames)}`;
}

export function roleModelTitle(random: Random): string {
  return random.pick(roleModelTitles);
}

export function businessName(random: Random, kommunName: string): string {
  const owner = random.chance(0.5) ? random.pick(lastNames) : kommunName;
  return `${owner} ${random.pick(businessTrades)} ${random.pick(businessForms)}`;
}

/** The name of a kommun's unit number `localIndex` (0 is its kommunstyrelse). */
export function unitName(random: Random, localIndex: number, kommunOrganization: string): string {
  const type = localIndex < kommunUnitTypes.length ? kommunUnitTypes[localIndex]! : `${random.pick(localUnitTypes)} ${areaName(random)}`;
  return `${type}, ${kommunOrganization}`;
}

/** "Lokalpolisområde Botkyrka", and with an area when a kommun has more than one office of a kind. */
export function officeName(random: Random, localIndex: number, kommunName: string): string {
  const type = officeTypes[localIndex % officeTypes.length]!;
  return localIndex < officeTypes.length ? `${type} ${kommunName}` : `${type} ${kommunName} ${areaName(random)}`;
}

/** Slugs for e-mail addresses on a reserved domain, so no address can reach anyone. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function phoneNumber(random: Random): string {
  return `0${random.int(8, 980)}-${random.int(10, 99)} ${random.int(10, 99)} ${random.int(10, 99)}`;
}
