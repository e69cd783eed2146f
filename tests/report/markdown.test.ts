// Respondents' text can never break or forge the report's markdown.
import { describe, expect, it } from 'vitest';
import { excerpt, inline, table } from '../../stages/report/markdown.js';

describe('inline', () => {
  it('turns markdown and HTML syntax into literal text on one line', () => {
    const hostile = '# Heading\n> quote\n| a | b |\n[link](http://x) ![img](y) <script>alert(1)</script> **bold** `code` ~~del~~ &amp; _em_';
    const out = inline(hostile);
    expect(out).not.toMatch(/\n/);
    expect(out).not.toMatch(/(?<!\\)[#|[\]`*_~<>]/);
    expect(out).toContain('&lt;script&gt;');
    expect(out).toContain('&amp;amp;');
  });

  it('keeps a table row a single row whatever the cell says', () => {
    const md = table(['Answer', 'n'], [[inline('yes | no\n| --- |'), 3]]);
    expect(md.split('\n')).toHaveLength(3);
    expect(md.split('\n')[2]?.match(/(?<!\\)\|/g)).toHaveLength(3);
  });

  it('is empty for missing values', () => {
    expect(inline(null)).toBe('');
    expect(inline('')).toBe('');
  });
});

describe('excerpt', () => {
  it('returns short texts whole', () => {
    expect(excerpt('Short answer.', 0, 5)).toBe('Short answer.');
  });

  it('cuts long texts around the evidence, marking the cuts', () => {
    const long = `${'Filler words here. '.repeat(30)}The loneliness was the worst part of it. ${'More filler text. '.repeat(30)}`;
    const at = long.indexOf('loneliness');
    const out = excerpt(long, at, at + 10, 120);
    expect(out).toContain('loneliness');
    expect(out.startsWith('… ')).toBe(true);
    expect(out.endsWith(' …')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(126);
  });
});
