// The single wink-nlp parse of one answer, flattened into arrays every per-response step reads.
import winkNLP, { type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** Token i covers text.slice(start[i], end[i]); all arrays have one entry per token. */
export type ParsedText = Readonly<{
  text: string;
  value: readonly string[];
  normal: readonly string[];
  lemma: readonly string[];
  /** wink's negation flag: the token lies in the scope of a negation word. */
  negated: readonly boolean[];
  /** wink's token type: word, number, punctuation, and entity types it knows from the token alone: email, url, mention, hashtag, emoji… */
  type: readonly string[];
  start: Int32Array;
  end: Int32Array;
}>;

let nlp: WinkMethods | undefined;

/** One wink instance per thread, made on first use (loading the model takes ~100 ms). */
export function winkInstance(): WinkMethods {
  // No sentence boundaries: nothing reads them, and negation scope ends at punctuation without them.
  // No `ner` step: of its entities only e-mail, URL and mention were read, and wink's tokenizer already
  // types those tokens (identical on 116,220 texts: fixtures and a synthetic consultation). The step cost
  // about a quarter of the parse.
  nlp ??= winkNLP(model, ['negation', 'pos']);
  return nlp;
}

export function parseText(text: string): ParsedText {
  const w = winkInstance();
  const its = w.its;
  const doc = w.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const start = new Int32Array(value.length);
  const end = new Int32Array(value.length);
  let at = 0;
  for (let i = 0; i < value.length; i++) {
    at += (spaces[i] ?? '').length;
    // wink keeps the text losslessly; if it ever did not, find the token rather than drift.
    if (text.startsWith(value[i] ?? '', at) === false) {
      const found = text.indexOf(value[i] ?? '', at);
      if (found >= 0) at = found;
    }
    start[i] = at;
    at += (value[i] ?? '').length;
    end[i] = at;
  }
  return {
    text,
    value,
    normal: tokens.out(its.normal) as string[],
    lemma: tokens.out(its.lemma as unknown as typeof its.value) as string[],
    negated: tokens.out(its.negationFlag) as unknown as boolean[],
    type: tokens.out(its.type) as string[],
    start,
    end,
  };
}

const WORD_TYPES = new Set(['word', 'hashtag']);

export function isWord(parsed: ParsedText, i: number): boolean {
  return WORD_TYPES.has(parsed.type[i] ?? '');
}
