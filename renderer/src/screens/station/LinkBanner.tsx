/**
 * A station whose link to the host dropped says so plainly; it takes its own line (it covers no
 * button) and goes when the link is back. What is typed in open forms stays where it is.
 */
import { useTranslation } from 'react-i18next';
import { useOffline } from '../../station';

export function LinkBanner(props: { floating?: boolean }) {
  const { t } = useTranslation();
  const offline = useOffline();
  if (!offline) return null;
  return (
    <div className={props.floating ? 'link-banner link-banner-floating' : 'link-banner'} role="alert">
      {t('station.offline')}
    </div>
  );
}
