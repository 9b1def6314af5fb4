/** A compact "next consultant" line for the check-in screen, so reception always sees the rotation. */
import { useTranslation } from 'react-i18next';
import { useNav } from '../../stores/nav';
import { useCan } from '../../stores/session';
import { useBoard, useOpenVisitors } from './data';
import './NextChip.css';

export function NextChip() {
  const { t } = useTranslation();
  const canBoard = useCan('rotation.board');
  const board = useBoard().data;
  const calls = useOpenVisitors().filter((v) => v.status === 'calling').length;
  if (!canBoard || !board) return null;
  return (
    <button
      type="button"
      className="vis-chip"
      title={t('visitors.chip.open')}
      onClick={() => useNav.getState().go('visitors')}
    >
      <span className="vis-chip-label">{t('visitors.chip.label')}</span>
      <strong>
        {t('visitors.chip.visitor', { name: board.next.visitor.name ?? t('visitors.chip.nobody') })}
      </strong>
      <span className="muted">
        {t('visitors.chip.phone', { name: board.next.phone.name ?? t('visitors.chip.nobody') })}
      </span>
      {calls > 0 && <span className="badge badge-warn">{t('visitors.chip.calling', { count: calls })}</span>}
    </button>
  );
}
