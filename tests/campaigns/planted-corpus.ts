// A small consultation with planted template-letter campaigns among unrelated answers, for the campaign detector's tests.
import type { CampaignInput } from '../../stages/campaigns/find-campaigns.js';
import { bandHashes, minhashSignature } from '../../stages/campaigns/minhash.js';
import { jaccard, shingleHashes } from '../../stages/campaigns/shingles.js';

export const CENTRES_TEMPLATE = `Dear Sir or Madam, I am writing to object in the strongest terms to the proposal to close the
children's centres across the county. These centres are a lifeline for young families, offering health visitor clinics,
breastfeeding support, parenting courses and a safe and welcoming place for isolated parents to meet others. Closing
them would hit the poorest communities hardest and would store up far greater costs for schools, the health service
and social care in the years ahead. The savings quoted in the consultation document are small when set against the
harm that would follow. I urge the council to keep every children's centre open, to protect their funding in full, and
to work with local parents on better ways to run them. Yours faithfully,`;

export const BUS_TEMPLATE = `I am a regular passenger on the number 7 bus and I want the council to keep its subsidy in place.
Without this route many older residents in the villages will be cut off from the market town, the surgery, the
pharmacy and the hospital, and young people will struggle to reach college or their first jobs. Families without a
car already pay more than their fair share to get around. Please think again before you withdraw the only public
transport we have left, and talk to the parish councils about a community service before anything is decided. Regards,`;

export const LIBRARY_TEMPLATE = `Please do not cut the opening hours of the mobile library service because housebound readers
and small rural schools depend on its weekly visits for books, large print titles and a friendly conversation. Thank you,`;

/** Things people say in their own words: the same subject as the campaign, but never the same letter. */
const CLAUSES: readonly (readonly [opening: string, ending: string])[] = [
  ['My two children went to the centre on Mill Lane', 'and the staff there spotted my postnatal depression early.'],
  ['I think the council has no choice', 'given how far its grant from government has fallen.'],
  ['Opening hours should be moved to the evening', 'so that working parents can actually use the service.'],
  ['The building on the high street is half empty most days', 'which suggests the money could be better spent.'],
  ['Health visitors could run their clinics from the library', 'if the rooms were adapted for babies and buggies.'],
  ['Car parking near the school gates is already dangerous', 'and moving services there would make it worse.'],
  ['Volunteers from the church have offered to help', 'provided someone covers the insurance and the heating bills.'],
  ['Speech and language therapy waiting lists are far too long', 'especially for toddlers from families on low incomes.'],
  ['Why was there no public meeting in our village', 'before these plans were drawn up by officers?'],
  ['Grandparents who look after children during the day', 'also need somewhere warm to go in the winter months.'],
  ['Outreach workers visiting homes are worth more', 'than any amount of glossy leaflets sent through the post.'],
  ['The online booking system keeps crashing', 'so many families simply give up and stay at home.'],
  ['Fathers are rarely mentioned in the consultation paper', 'even though many of us bring our kids to sessions.'],
  ['Council tax could rise a little', 'if that is what it takes to protect early years support.'],
  ['Merging two neighbouring centres seems sensible to me', 'as long as a free bus links the estates.'],
  ['Baby weighing is available from the pharmacy anyway', 'so duplicating it in a separate building is wasteful.'],
  ['Staff morale has collapsed after three restructures', 'and good people are leaving for neighbouring authorities.'],
  ['Refugee families learn English at the Tuesday group', 'and nowhere else offers a creche alongside the lessons.'],
  ['Data on attendance should be published ward by ward', 'before any final decision about closures is taken.'],
  ['I have no strong view on the centres themselves', 'but the questionnaire was confusing and far too long.'],
];

const FIRST_NAMES = ['Amelia', 'Olu', 'Priya', 'Tom', 'Grace', 'Mohammed', 'Ellie', 'Jack', 'Zofia', 'Ben', 'Hannah', 'Kwame'];
const SURNAMES = ['Smith', 'Okafor', 'Patel', 'Jones', 'Nowak', 'Hughes', 'Khan', 'Evans', 'Murphy', 'Williams', 'Brown'];
const PERSONAL = [
  'Our local centre helped me through a very hard first year with my son.',
  'I would not have known about free childcare without the staff at Rose Hill.',
  'Please read this letter properly rather than counting it as one of many.',
  'My neighbour relies on the stay and play sessions every single week.',
];

/** mulberry32 behind a seed scrambler (nearby seeds would otherwise start alike): identical on every platform, so the fixture never changes. */
export function seededRandom(seed: number): () => number {
  let a = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ 0x5bd1e995;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

function typo(word: string, random: () => number): string {
  if (word.length < 4) return `${word}${word.at(-1) ?? ''}`;
  const i = 1 + Math.floor(random() * (word.length - 2));
  return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2);
}

/** A copy of a template as one supporter sends it: a few dropped words and typos, perhaps a sentence of their own or all capitals, and their own name. */
export function editedCopy(template: string, copy: number): string {
  const random = seededRandom(1000 + copy);
  const words = template.split(/\s+/);
  const drops = Math.floor(random() * 3);
  for (let d = 0; d < drops; d++) words.splice(Math.floor(random() * words.length), 1);
  const typos = Math.floor(random() * 3);
  for (let t = 0; t < typos; t++) {
    const i = Math.floor(random() * words.length);
    words[i] = typo(words[i] ?? '', random);
  }
  if (copy % 3 === 1) words.splice(Math.floor(words.length / 2), 0, pick(PERSONAL, random));
  let text = `${words.join(' ')} ${pick(FIRST_NAMES, random)} ${pick(SURNAMES, random)}`;
  if (copy % 5 === 2) text = text.toUpperCase();
  return text;
}

/** An answer in someone's own words: 2 to 5 sentences whose openings and endings are paired at random. */
export function unrelatedAnswer(seed: number): string {
  const random = seededRandom(50_000 + seed);
  const sentences: string[] = [];
  const count = 2 + Math.floor(random() * 4);
  for (let s = 0; s < count; s++) sentences.push(`${pick(CLAUSES, random)[0]} ${pick(CLAUSES, random)[1]}`);
  return sentences.join(' ');
}

/** Unrelated answers that differ substantially from each other (Jaccard below 0.3): random pairing alone sometimes repeats itself. */
function unrelatedAnswers(count: number): string[] {
  const kept: string[] = [];
  const keptShingles: Uint32Array[] = [];
  for (let seed = 0; kept.length < count; seed++) {
    const text = unrelatedAnswer(seed);
    const shingles = shingleHashes(tokenize(text));
    if (keptShingles.some((other) => jaccard(shingles, other) >= 0.3)) continue;
    kept.push(text);
    keptShingles.push(shingles);
  }
  return kept;
}

export type PlantedCorpus = Readonly<{
  texts: readonly string[];
  centres: readonly number[];
  bus: readonly number[];
  library: readonly number[];
  unrelated: readonly number[];
}>;

/** 40 children's-centre copies, 10 bus copies, 2 library copies and 200 unrelated answers, shuffled together; rid = index. */
export function plantedCorpus(): PlantedCorpus {
  const kinds: { kind: 'centres' | 'bus' | 'library' | 'unrelated'; text: string }[] = [];
  for (let i = 0; i < 40; i++) kinds.push({ kind: 'centres', text: editedCopy(CENTRES_TEMPLATE, i) });
  for (let i = 0; i < 10; i++) kinds.push({ kind: 'bus', text: editedCopy(BUS_TEMPLATE, 100 + i) });
  for (let i = 0; i < 2; i++) kinds.push({ kind: 'library', text: editedCopy(LIBRARY_TEMPLATE, 200 + i) });
  for (const text of unrelatedAnswers(200)) kinds.push({ kind: 'unrelated', text });
  const random = seededRandom(7);
  for (let i = kinds.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kinds[i], kinds[j]] = [kinds[j] as (typeof kinds)[number], kinds[i] as (typeof kinds)[number]];
  }
  const ridsOf = (kind: string): number[] => kinds.flatMap((k, rid) => (k.kind === kind ? [rid] : []));
  return { texts: kinds.map((k) => k.text), centres: ridsOf('centres'), bus: ridsOf('bus'), library: ridsOf('library'), unrelated: ridsOf('unrelated') };
}

/** An in-memory CampaignInput over texts (rid = index) that counts scans, as the database-backed one would be used. */
export function inputFor(texts: readonly string[]): CampaignInput & { scans: number } {
  const shingles = texts.map((t) => shingleHashes(tokenize(t)));
  const bands = shingles.map((s) => bandHashes(minhashSignature(s)));
  const input = {
    scans: 0,
    maxRid: texts.length - 1,
    *scan() {
      input.scans++;
      for (let rid = 0; rid < bands.length; rid++) {
        const b = bands[rid];
        if (b && (shingles[rid]?.length ?? 0) > 0) yield { rid, bands: b, size: shingles[rid]?.length ?? 0 };
      }
    },
    shingles: (rid: number) => shingles[rid] ?? new Uint32Array(0),
  };
  return input;
}
