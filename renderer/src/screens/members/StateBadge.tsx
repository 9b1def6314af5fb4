/** A membership state as a coloured badge with words (never colour alone). */
import { useTranslation } from 'react-i18next';
import type { MemberState } from '../../../../electron/core/contract';

const TONE: Record<MemberState, string> = {
  active: 'badge-ok',
  expired: 'badge-block',
  not_started: 'badge-warn',
  frozen: 'badge-warn',
  no_visits: 'badge-block',
  deactivated: 'badge-muted',
};

export function StateBadge({ state }: { state: MemberState }) {
  const { t } = useTranslation();
  return <span className={`badge ${TONE[state]}`}>{t(`members.state.${state}`)}</span>;
}
