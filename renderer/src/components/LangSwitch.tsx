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
          className={i18n.language === l ? 'btn btn-small btn-primary' : 'btn btn-small'}
          aria-pressed={i18n.language === l}
          onClick={() => setLanguage(l)}
        >
          {t(`common.languages.${l}`)}
        </button>
      ))}
    </div>
  );
}
