/**
 * A short excerpt of free text for a table cell: whitespace folded, cut at the last word
 * boundary before `max` characters (about 60: one line of a laptop's queue, two on a phone)
 * and marked with an ellipsis when cut. A single word longer than `max` is cut inside it.
 * Counts code points, so an emoji or an accented letter is never split in half. Pure.
 */
export const EXCERPT_MAX = 60;

export function excerpt(text: string, max = EXCERPT_MAX): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const chars = [...folded];
  if (chars.length <= max) return folded;
  const head = chars.slice(0, max).join('');
  const space = head.lastIndexOf(' ');
  const cut = space >= max / 3 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.–-]+$/u, '')}…`;
}
