/**
 * A champion in its domain's JSON, as text for the champion list: whole,
 * in a scroll box (style.css), so no line is cut mid-way; only a value too
 * long to be worth reading in a panel (a 1000-IC challenger) is cut, and
 * says so with its length.
 */
const MAX_CHARS = 6000;

export function championText(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS)}… (${text.length} characters in all)` : text;
}
