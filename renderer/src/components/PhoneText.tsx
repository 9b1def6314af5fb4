/** A phone number as the core sent it: in full, or masked (138****5678) with a word saying why. */
import { useTranslation } from 'react-i18next';
import { isMaskedPhone } from '../../../electron/shared/phone';

export function PhoneText({
  value,
  empty = '—',
  className,
}: {
  value: string | null | undefined;
  /** What to show when there is no number. */
  empty?: string;
  className?: string;
}) {
  const { t } = useTranslation();
  if (!value) return <span className={className}>{empty}</span>;
  if (!isMaskedPhone(value)) return <span className={className}>{value}</span>;
  return (
    <span
      className={className ? `${className} phone-masked` : 'phone-masked'}
      title={t('common.phoneMasked')}
      data-masked="true"
    >
      {value}
      <span className="sr-only"> ({t('common.phoneMaskedShort')})</span>
    </span>
  );
}
