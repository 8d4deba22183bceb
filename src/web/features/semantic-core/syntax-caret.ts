/**
 * The line of a query where a syntax error is, and a caret under the error's column, for a
 * monospace block. `position` is the parser's 0-based UTF-16 index; columns count characters
 * (code points), so a caret sits under the right letter after emoji or surrogate pairs. Long
 * lines are cut to a window around the error.
 */
export function caretLine(query: string, position: number, width = 72): { line: string; caret: string } {
  const at = Math.max(0, Math.min(position, query.length));
  const lineStart = query.lastIndexOf("\n", at - 1) + 1;
  const newline = query.indexOf("\n", at);
  const lineEnd = newline === -1 ? query.length : newline;
  let chars = [...query.slice(lineStart, lineEnd)];
  let column = [...query.slice(lineStart, at)].length;
  let prefix = "";
  if (chars.length > width) {
    const from = Math.max(0, Math.min(column - Math.floor(width / 2), chars.length - width));
    chars = chars.slice(from, from + width);
    column -= from;
    if (from > 0) {
      prefix = "…";
      column += 1;
    }
  }
  return { line: prefix + chars.join(""), caret: `${" ".repeat(column)}^` };
}
