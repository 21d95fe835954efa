/**
 * Turns free text typed by a user into a safe FTS5 query: each word becomes a quoted
 * term (so FTS operators and metacharacters in the input are plain text); terms are ANDed.
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input.normalize('NFC').match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length === 0) return null;
  return words
    .slice(0, 32)
    .map((w) => `"${w}"`)
    .join(' ');
}
