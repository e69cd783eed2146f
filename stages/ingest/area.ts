// Reduces what a respondent wrote in an area or postcode column to something safe to publish: the district.

const FULL_POSTCODE = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$/;
const DISTRICT = /^[A-Z]{1,2}[0-9][A-Z0-9]?$/;
const SECTOR = /^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*[0-9]$/;

/** `OX4 3DE` becomes `OX4`; a place name stays; anything else that might identify someone is dropped. */
export function areaOf(value: string): string | null {
  const v = value.replace(/\s+/g, ' ').trim();
  if (!v) return null;
  const upper = v.toUpperCase();
  const full = FULL_POSTCODE.exec(upper) ?? SECTOR.exec(upper);
  if (full) return full[1] ?? null;
  if (DISTRICT.test(upper.replace(/\s/g, ''))) return upper.replace(/\s/g, '');
  if (/\d/.test(v) || /@/.test(v) || v.length > 40) return 'unrecognised';
  return v.replace(/\b\w/g, (c) => c.toUpperCase());
}
