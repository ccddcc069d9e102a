/** Text as typed in a chat or form: one kind of line break, no trailing spaces, at most one blank line in a row. */
export function normaliseTypedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
