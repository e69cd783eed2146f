// Redacts personal data from one answer and maps positions in the original text to the redacted text.
import type { ParsedText } from '../analyse/parse-text.js';
import { findPii, type PiiFinding } from './pii-rules.js';

export type Redaction = Readonly<{ rule: string; start: number; end: number }>;

export type Redacted = Readonly<{
  text: string;
  /** Spans in the redacted text, each with the rule that produced it. */
  redactions: readonly Redaction[];
  /** Maps a span of the original text to the redacted text; a span touching a redaction covers it whole. */
  mapSpan(start: number, end: number): readonly [number, number];
}>;

/** wink's entity types for single tokens (its.type), found in the parse; the rules catch the forms it misses. */
const ENTITY_RULES: Readonly<Record<string, Omit<PiiFinding, 'start' | 'end'>>> = {
  email: { rule: 'pii.email', replacement: '[email]' },
  url: { rule: 'pii.url', replacement: '[link]' },
  mention: { rule: 'pii.handle', replacement: '[handle]' },
};

function entityFindings(p: ParsedText): PiiFinding[] {
  const out: PiiFinding[] = [];
  for (let i = 0; i < p.type.length; i++) {
    const kind = ENTITY_RULES[p.type[i] ?? ''];
    if (kind) out.push({ ...kind, start: p.start[i] ?? 0, end: p.end[i] ?? 0 });
  }
  return out;
}

/** Earliest first, longest first at equal starts; anything overlapping an accepted finding is dropped. */
function resolveOverlaps(findings: PiiFinding[]): PiiFinding[] {
  const sorted = [...findings].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PiiFinding[] = [];
  for (const f of sorted) {
    const last = kept[kept.length - 1];
    if (last && f.start < last.end) continue;
    kept.push(f);
  }
  return kept;
}

export function redact(p: ParsedText): Redacted {
  const findings = resolveOverlaps([...findPii(p.text), ...entityFindings(p)]);
  if (findings.length === 0) return { text: p.text, redactions: [], mapSpan: (s, e) => [s, e] };
  let text = '';
  let at = 0;
  const redactions: Redaction[] = [];
  // Each entry: original [start, end) became redacted [newStart, newEnd).
  const map: [number, number, number, number][] = [];
  for (const f of findings) {
    text += p.text.slice(at, f.start);
    const newStart = text.length;
    text += f.replacement;
    redactions.push({ rule: f.rule, start: newStart, end: text.length });
    map.push([f.start, f.end, newStart, text.length]);
    at = f.end;
  }
  text += p.text.slice(at);
  const mapPoint = (pos: number, isEnd: boolean): number => {
    let shift = 0;
    for (const [s, e, ns, ne] of map) {
      if (isEnd ? pos <= s : pos < s) break;
      if (isEnd ? pos <= e : pos < e) return isEnd ? ne : ns;
      shift = ne - e;
    }
    return pos + shift;
  };
  return { text, redactions, mapSpan: (s, e) => [mapPoint(s, false), mapPoint(e, true)] };
}
