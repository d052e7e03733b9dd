/**
 * Text from a file, fit to go into an error message: a file the user named
 * may be binary or a secret (`--network /etc/passwd`), so messages show at
 * most a short run of printable characters, never raw bytes.
 */

/** Does the text look binary (NUL or other control characters besides tab, newline, return)? */
export function looksBinary(text: string): boolean {
  return /[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text.slice(0, 4096));
}

/** At most `max` characters, control and non-ASCII characters shown as "?". */
export function printable(text: string, max = 24): string {
  const clean = text.replace(/[^\u0020-\u007e]/g, '?');
  return clean.length > max ? `${clean.slice(0, max)}...` : clean;
}

/**
 * Why JSON.parse refused `text`, without the excerpt of the input that V8
 * puts into its message: at most the position and one printable token.
 */
export function jsonProblem(text: string, error: unknown): string {
  if (looksBinary(text)) return 'not JSON: the file looks binary';
  const message = error instanceof Error ? error.message : String(error);
  // V8: `Unexpected token 'r', "root:x:0:0:"... is not valid JSON` or `... in JSON at position 12 (line 1 column 13)`.
  const at = /position (\d+)/.exec(message);
  const token = /^Unexpected token '(.)'/u.exec(message);
  if (/end of JSON input/.test(message)) return 'not valid JSON (it ends too soon)';
  const parts = [token ? `unexpected "${printable(token[1]!, 1)}"` : '', at ? `at position ${at[1]}` : ''].filter(Boolean);
  return parts.length ? `not valid JSON (${parts.join(' ')})` : 'not valid JSON';
}
