import type { PrintableCard } from '#domain/assistance/distribution';
import { i18next } from '#web/i18n/index.ts';
import { QrCode } from './qr-code.tsx';

export type CardSize = 'a6' | 'a7';

const FIELDS = ['registrationNumber', 'head', 'size', 'serial', 'expires'] as const;
type FieldName = (typeof FIELDS)[number] | 'title' | 'registry' | 'keep';

const LANGS = ['en', 'ar', 'ckb'] as const;
const fixed = (lang: (typeof LANGS)[number], name: FieldName) => i18next.getFixedT(lang)(`card.field.${name}`);

/** A field's name in the three languages as text: "Household size · عدد أفراد الأسرة · ژمارەی ئەندامانی خێزان". */
function trilingual(name: FieldName): string {
  return LANGS.map((lang) => fixed(lang, name)).join(' · ');
}

/** The same, each language isolated in its own direction, so the Arabic and the Kurdish keep their order on the line. */
function Trilingual({ name }: { name: FieldName }) {
  return (
    <>
      {LANGS.map((lang, i) => (
        <span key={lang}>
          {i > 0 && ' · '}
          <bdi lang={lang} dir={lang === 'en' ? 'ltr' : 'rtl'}>{fixed(lang, name)}</bdi>
        </span>
      ))}
    </>
  );
}

/** The household card as printed: names of fields in English, Arabic and Kurdish, values as registered. */
export function HouseholdCard({ printable, size }: { printable: PrintableCard; size: CardSize }) {
  const { card, household, token } = printable;
  const values: Record<(typeof FIELDS)[number], { text: string; ltr?: boolean; name?: boolean }> = {
    registrationNumber: { text: household.registrationNumber, ltr: true },
    head: { text: household.headName, name: true },
    size: { text: String(household.size), ltr: true },
    serial: { text: String(card.serial), ltr: true },
    expires: { text: card.expiresOn, ltr: true },
  };
  return (
    <article className="household-card" data-size={size} data-testid="household-card" data-token={token}>
      <header className="card-head">
        <span className="card-title"><Trilingual name="title" /></span>
        <span className="card-registry">
          <span className="card-label"><Trilingual name="registry" /></span>
          <span className="card-value ltr" data-testid="card-registry">{household.registry}</span>
        </span>
      </header>
      <div className="card-body">
        <div className="card-qr"><QrCode text={token} label={trilingual('title')} size={size === 'a6' ? '52mm' : '36mm'} /></div>
        <div className="card-fields">
          {FIELDS.map((f) => (
            <div key={f}>
              <div className="card-label"><Trilingual name={f} /></div>
              <div className={`card-value${values[f].ltr ? ' ltr' : ''}${values[f].name ? ' card-name' : ''}`} data-testid={`card-${f}`}>
                {values[f].name ? <bdi dir="auto">{values[f].text}</bdi> : values[f].text}
              </div>
            </div>
          ))}
        </div>
      </div>
      <footer className="card-foot">
        <span><Trilingual name="keep" /></span>
      </footer>
    </article>
  );
}
