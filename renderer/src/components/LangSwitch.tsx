import { useTranslation } from 'react-i18next';
import { LANGS, setLanguage } from '../i18n';

export function LangSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('common.language')}>
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          className="btn btn-small"
          aria-pressed={i18n.language === l}
          onClick={() => setLanguage(l)}
        >
          {t(`common.languages.${l}`)}
        </button>
      ))}
    </div>
  );
}

/**
 * The top bar's language button: one press changes this counter's language (the same choice as
 * Settings → This counter; the club's default language stays in the club settings). It names the
 * other language in that language, so someone who reads only that one finds it.
 */
export function LangToggle() {
  const { t, i18n } = useTranslation();
  const other = LANGS.find((l) => l !== i18n.language) ?? LANGS[0]!;
  return (
    <button
      type="button"
      className="btn topbar-lang"
      lang={other}
      title={t('common.language')}
      onClick={() => setLanguage(other)}
    >
      {t(`common.languages.${other}`)}
    </button>
  );
}
