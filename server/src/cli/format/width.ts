// How many terminal columns text takes, to put a caret under the right characters: wide East
// Asian characters and emoji take two, combining marks and zero-width characters none, tabs
// go to the next multiple of TAB.
export const TAB = 4;

export function charWidth(cp: number): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) return 0;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 0; // variation selectors
  if (cp >= 0x0300 && /\p{Mn}|\p{Me}/u.test(String.fromCodePoint(cp))) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x1f680 && cp <= 0x1f6ff) ||
    (cp >= 0x1fa70 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/**
 * Renders a line for display (tabs expanded) and maps each UTF-16 offset of the line to its
 * display column: `columns[i]` is where the character at offset i starts, `columns[length]`
 * the width of the whole line.
 */
export function layout(line: string): { text: string; columns: number[] } {
  const columns: number[] = new Array<number>(line.length + 1);
  let text = '';
  let col = 0;
  for (let i = 0; i < line.length;) {
    const cp = line.codePointAt(i)!;
    const units = cp > 0xffff ? 2 : 1;
    columns[i] = col;
    if (units === 2) columns[i + 1] = col;
    if (cp === 9) {
      const next = (Math.floor(col / TAB) + 1) * TAB;
      text += ' '.repeat(next - col);
      col = next;
    } else {
      text += String.fromCodePoint(cp);
      col += charWidth(cp);
    }
    i += units;
  }
  columns[line.length] = col;
  return { text, columns };
}
