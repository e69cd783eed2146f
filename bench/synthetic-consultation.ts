// Writes a deterministic synthetic consultation of N responses: realistic lengths, every theme, and campaign copies.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

const SENTENCES = [
  'The centre was a lifeline when I had postnatal depression and could not cope.',
  'I was so lonely after moving here with no family nearby.',
  'The bus fare from our village is nearly five pounds each way and we cannot afford it.',
  'Closing the centres is a false economy that will cost the NHS and social care far more.',
  'My ex partner was controlling and the Freedom Programme helped me leave him.',
  'The staff spotted my anxiety before my own GP did.',
  'I did not speak to another adult for weeks until I found the stay and play group.',
  'Please keep the speech and language sessions, my son could not talk at three.',
  'The building is tired and the car park is always full.',
  'I understand the council has to save money but this is the wrong place to cut.',
  'Most families I know never used a centre and manage perfectly well.',
  'The council should sell the offices at County Hall before it closes anything.',
  'Breastfeeding support at the centre meant I carried on for a year.',
  'Health visitors are stretched already and cannot pick up the work.',
  'There is nowhere else in Banbury for toddlers to play when it rains.',
  'It was the only place I could go where nobody judged me.',
  'We are on universal credit and private classes are out of the question.',
  'My partner hit me and the refuge worker met me at the centre.',
  'Some days I just cried and the family worker sat with me.',
  'Rural villages have no bus after three in the afternoon.',
  'The hubs will be too far away for people without a car.',
  'I volunteer at the toddler group and we are already full every week.',
  'It is a shame but the money has to come from somewhere.',
  'Opening hours should include Saturdays for working parents.',
  'The nursery place saved our family when I went back to work.',
  'Nobody asked the parents who actually use the centres.',
  'My daughter made her first friends at the baby group.',
  'Early help stops problems becoming crises that cost far more later.',
  'I have never felt isolated but I value the midwife clinic.',
  'This was an isolated incident and should not decide the whole policy.',
];
const WORDS = 'centre family baby mum dad council money bus village nursery staff group health visitor support closing keep open please children parents help time week day year people service'.split(' ');

/** A small seeded generator (mulberry32) so the same N always gives the same file. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function quote(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const VOCABULARY = [...new Set([...SENTENCES.join(' ').toLowerCase().replace(/[^a-z ]/g, '').split(' '), ...WORDS])].filter((w) => w.length > 2);

export async function writeSyntheticConsultation(path: string, responses: number, seed = 61): Promise<void> {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  /** A bank sentence reworded: people make the same points in their own words, so few word triples repeat. */
  const reworded = (): string => {
    const words = pick(SENTENCES).split(' ');
    for (let k = Math.floor(words.length / 3); k > 0; k--) {
      const at = Math.floor(random() * (words.length + 1));
      if (random() < 0.5) words.splice(at, 0, pick(VOCABULARY));
      else words[Math.min(at, words.length - 1)] = pick(VOCABULARY);
    }
    return words.join(' ');
  };
  const templates = Array.from({ length: 50 }, () => Array.from({ length: 5 + Math.floor(random() * 4) }, () => pick(SENTENCES)).join(' '));
  const types = ['A parent or carer', 'A parent or carer', 'A professional working with children and families', 'A grandparent or relative', 'On behalf of an organisation', ''];
  const answers = ['Strongly disagree', 'Strongly disagree', 'Disagree', 'Agree', 'Neither agree nor disagree', ''];
  const out = createWriteStream(path);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write('Response ID,In what capacity are you responding?,Postcode,Q1 Do you agree with the proposal?,Q2 Please explain your answer,Q3 Any other comments\n');
  for (let i = 1; i <= responses; i++) {
    let text: string;
    if (random() < 1 / 3) {
      const words = pick(templates).split(' ');
      if (random() < 0.5) words.splice(Math.floor(random() * words.length), 1);
      if (random() < 0.3) words.push(pick(SENTENCES));
      text = words.join(' ');
    } else {
      // Lengths: many short answers, a median around forty words, a long tail of letters.
      const r = random();
      const sentences = r < 0.15 ? 0 : r < 0.6 ? 1 + Math.floor(random() * 3) : r < 0.95 ? 3 + Math.floor(random() * 4) : 10 + Math.floor(random() * 15);
      const parts = sentences === 0 ? [`${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`] : Array.from({ length: sentences }, reworded);
      text = parts.map((s) => (random() < 0.2 ? `${s} ${pick(WORDS)} ${pick(WORDS)}.` : s)).join(' ');
    }
    const other = random() < 0.3 ? reworded() : random() < 0.5 ? 'N/A' : '';
    const postcode = `OX${1 + Math.floor(random() * 29)} ${Math.floor(random() * 9)}${String.fromCharCode(65 + Math.floor(random() * 26))}${String.fromCharCode(65 + Math.floor(random() * 26))}`;
    await write(`R${i},${pick(types)},${postcode},${pick(answers)},${quote(text)},${quote(other)}\n`);
  }
  out.end();
  await once(out, 'finish');
}
