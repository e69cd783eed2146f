// Scale check for campaign detection: a million synthetic responses, a third of them edited template letters, timed and measured.
import { findCampaigns, type CampaignInput } from '../stages/campaigns/find-campaigns.js';
import { BANDS, bandHashes, minhashSignature } from '../stages/campaigns/minhash.js';
import { shingleHashes } from '../stages/campaigns/shingles.js';

const RESPONSES = Number(process.argv[2] ?? 1_000_000);
const TEMPLATES = 50;
const VOCABULARY = 5_000;
const THRESHOLD = 0.6;
const MIN_SIZE = 3;

/**
 * sfc32 seeded per response, so any response's words can be regenerated on demand instead of kept in memory. Its
 * 128-bit state matters: with a 32-bit one, some of a million seeds land a few steps apart on the same stream and
 * produce genuinely duplicated "random" texts.
 */
function seededRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = seed | 0;
  let c = Math.imul(seed ^ (seed >>> 16), 0x85ebca6b);
  let d = 1;
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return next;
}

const SYLLABLES = ['ka', 're', 'mi', 'to', 'lu', 'san', 'der', 'bo', 'ne', 'vi', 'gra', 'pol', 'fe', 'tin', 'ham', 'cho', 'we', 'ys', 'ar', 'en'];
const VOCAB: readonly string[] = Array.from({ length: VOCABULARY }, (_, i) => {
  let word = '';
  for (let n = i + SYLLABLES.length; n > 0; n = Math.floor(n / SYLLABLES.length)) word += SYLLABLES[n % SYLLABLES.length] ?? '';
  return word;
});
const NAMES = ['amelia', 'olu', 'priya', 'tom', 'grace', 'mohammed', 'ellie', 'jack', 'zofia', 'ben', 'hannah', 'kwame', 'smith', 'patel', 'jones', 'nowak', 'khan', 'evans'];

/** Word frequencies fall off roughly as 1/rank, as in real text, so common trigrams recur across unrelated answers. */
function drawWord(random: () => number): string {
  return VOCAB[Math.floor(Math.exp(random() * Math.log(VOCABULARY + 1))) - 1] ?? '';
}

function drawWords(count: number, random: () => number): string[] {
  return Array.from({ length: count }, () => drawWord(random));
}

const TEMPLATE_WORDS: readonly (readonly string[])[] = Array.from({ length: TEMPLATES }, (_, t) => {
  const random = seededRandom(0x7e3a1a7e + t);
  return drawWords(60 + Math.floor(random() * 91), random);
});

/** Template index of each planted copy, -1 for the rest: the answer key for checking what the detector finds. */
const planted = new Int16Array(RESPONSES).fill(-1);

/** A response's words: one in three is a template with a few drops, typos and perhaps an added sentence, signed by name. */
function wordsFor(rid: number): string[] {
  const random = seededRandom(rid);
  if (random() >= 1 / 3) return drawWords(5 + Math.floor(random() * 146), random);
  const template = Math.floor(random() * TEMPLATES);
  planted[rid] = template;
  const words = [...(TEMPLATE_WORDS[template] ?? [])];
  for (let d = Math.floor(random() * 4); d > 0; d--) words.splice(Math.floor(random() * words.length), 1);
  for (let t = Math.floor(random() * 4); t > 0; t--) {
    const i = Math.floor(random() * words.length);
    words[i] = `${words[i] ?? ''}x`;
  }
  if (random() < 1 / 3) words.splice(Math.floor(random() * words.length), 0, ...drawWords(8 + Math.floor(random() * 8), random));
  words.push(NAMES[Math.floor(random() * NAMES.length)] ?? '', NAMES[Math.floor(random() * NAMES.length)] ?? '');
  return words;
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}

const bands = new Uint32Array(RESPONSES * BANDS);
let started = performance.now();
let signing = 0;
for (let rid = 0; rid < RESPONSES; rid++) {
  const words = wordsFor(rid);
  const t = performance.now();
  bands.set(bandHashes(minhashSignature(shingleHashes(words))), rid * BANDS);
  signing += performance.now() - t;
}
console.log(`signatures: ${seconds(started)} s for ${RESPONSES} responses (${(signing / 1000).toFixed(1)} s shingles + minhash + bands, the rest word synthesis)`);

let shingleReads = 0;
let reading = 0;
// Shingles are regenerated on demand, as the real input reads them from the database; only the bands stay in memory.
const input: CampaignInput = {
  maxRid: RESPONSES - 1,
  *scan() {
    for (let rid = 0; rid < RESPONSES; rid++) yield { rid, bands: bands.subarray(rid * BANDS, (rid + 1) * BANDS) };
  },
  shingles(rid) {
    shingleReads++;
    const t = performance.now();
    const set = shingleHashes(wordsFor(rid));
    reading += performance.now() - t;
    return set;
  },
};
started = performance.now();
const campaigns = findCampaigns(input, { threshold: THRESHOLD, minSize: MIN_SIZE });
console.log(`clustering: ${seconds(started)} s, of which ${(reading / 1000).toFixed(1)} s regenerating ${shingleReads} shingle sets for verification`);

let members = 0;
let strays = 0;
const campaignsPerTemplate = new Int32Array(TEMPLATES);
for (const c of campaigns) {
  members += c.members.length;
  const owner = planted[c.members[0] ?? 0] ?? -1;
  if (owner >= 0) campaignsPerTemplate[owner] = (campaignsPerTemplate[owner] ?? 0) + 1;
  for (const rid of c.members) if (planted[rid] !== owner || owner < 0) strays++;
}
const copies = planted.reduce((n, t) => n + (t >= 0 ? 1 : 0), 0);
const split = campaignsPerTemplate.reduce((n, k) => n + (k > 1 ? 1 : 0), 0);
console.log(`campaigns: ${campaigns.length} (threshold ${THRESHOLD}, minSize ${MIN_SIZE}); ${members} members of ${copies} planted copies; ${strays} members not from their campaign's template; ${split} templates split`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
