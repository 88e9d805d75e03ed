// The locale a project reads dates in, shown with what an ambiguous date means in it, so a person picks by example
// ("02/11/2015 is 2 November 2015") rather than by code.
const COMMON = ['en-GB', 'en-US', 'en-IE', 'en-AU', 'en-CA', 'en-NZ', 'en-IN', 'de-DE', 'fr-FR', 'es-ES', 'it-IT', 'nl-NL', 'sv-SE', 'ja-JP'];
const SAMPLE = new Date(Date.UTC(2015, 10, 2));

/** The browser's locale in canonical spelling: the default for a new project. */
export function browserLocale(): string {
  try {
    return Intl.getCanonicalLocales(navigator.language)[0] ?? 'en-US';
  } catch {
    return 'en-US';
  }
}

function describe(locale: string): string {
  try {
    const region = new Intl.DisplayNames(['en'], { type: 'language' }).of(locale) ?? locale;
    const short = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(SAMPLE);
    return `${region}: ${short} is 2 November 2015`;
  } catch {
    return locale;
  }
}

export function LocaleSelect({ id, value, onChange, disabled }: { id: string; value: string; onChange: (locale: string) => void; disabled?: boolean }) {
  const options = COMMON.includes(value) ? COMMON : [value, ...COMMON];
  return (
    <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      {options.map((l) => (
        <option key={l} value={l}>
          {describe(l)}
        </option>
      ))}
    </select>
  );
}
