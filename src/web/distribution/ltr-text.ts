/** A code or a day kept left to right inside a right-to-left sentence (Unicode isolates: t() gives text, not elements). */
export const ltrText = (text: string | number) => `\u2066${text}\u2069`;
