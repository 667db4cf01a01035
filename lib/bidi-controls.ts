// Unicode's bidirectional embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069)
// change how the text around them is drawn: "Ada \u202Eecalevol" shows as "Ada lovelace" while the
// name stored is something else. In a lead's name or company they are only ever a way to make the
// screen lie, so they are removed. (U+200E/U+200F, the plain direction marks, cannot reorder text and stay.)
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  bidiControls.lastIndex = 0;
  return bidiControls.test(text);
}

export function withoutBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}
