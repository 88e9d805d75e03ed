// The key two questions share when they say the same thing: case, punctuation and spacing do not make a question new.
// Generated questions and variations are de-duplicated on it against the dataset and against each other.
export function questionKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
