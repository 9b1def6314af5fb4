/**
 * The key-tag board: every tag as a tile coloured by status (with the word), counts per status,
 * a filter, selection (click, shift-click, "select all available") and the batch actions the
 * role may do. An issued tile shows its holder; clicking it opens that person's check-out.
 */
import { useEffect, useMemo, useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  RESTORABLE_TAG_STATUSES,
  RETIRABLE_TAG_STATUSES,
  TAG_STATUSES,
  type CheckoutPreview,
  type TagBoard,
  type KeyTag,
} from '../../../electron/core/contract';
import { Icon } from './checkin/Icon';
import { errorText } from '../errorText';
import { fmtDateTime, fmtMoney, fmtTime } from '../format';
import { refresh, setOpData, useCommand, useOp } from '../query';
import { useCheckin } from '../stores/checkin';
import { useCan } from '../stores/session';
import { selectable, selectedWith, useTags } from '../stores/tags';
import { toast } from '../stores/toast';
import { CheckoutDialog } from './checkin/CheckoutDialog';
import { TagActionDialog, type TagAction } from './tags/TagActionDialog';
import './TagsScreen.css';

function tileLabel(t: TFunction, tag: KeyTag): string {
  const status = t(`tags.status.${tag.status}`);
  if (tag.status === 'issued' && tag.holder) {
    return t('tags.tileIssued', { number: tag.number, name: tag.holder.name, time: fmtTime(tag.since) });
  }
  return t('tags.tile', { number: tag.number, status });
}

export default function TagsScreen() {
  const { t } = useTranslation();
  const { filter, selected } = useTags();
  const { setFilter, toggle, selectRange, selectWhere, clearSelection } = useTags.getState();
  // the board: live, and every 15 s
  const boardQuery = useOp('tags.board', {}, { refetchInterval: 15_000 });
  const board = boardQuery.data ?? null;
  const error = boardQuery.isError ? boardQuery.error : null;
  const load = () => refresh('tags.board');
  const setBoard = (b: TagBoard) => setOpData('tags.board', {}, b);
  // a new board keeps only selections that still exist and are still selectable
  useEffect(() => {
    if (board) useTags.getState().keepSelectable(board);
  }, [board]);
  const canDisinfect = useCan('tags.sendToDisinfection');
  const canReturn = useCan('tags.returnFromDisinfection');
  const canRetire = useCan('tags.retire');
  const canRestore = useCan('tags.restore');
  const canLocker = useCan('tags.setLocker');
  const canRenumber = useCan('tags.renumber');
  const canAdd = useCan('tags.add');
  const canCheckout = useCan('checkin.checkoutPreview');
  const [action, setAction] = useState<TagAction | null>(null);
  const [checkout, setCheckout] = useState<CheckoutPreview | null>(null);
  const send = useCommand('tags.sendToDisinfection');
  const back = useCommand('tags.returnFromDisinfection');
  const busy = send.busy || back.busy;

  const visible = useMemo(
    () => (board ? board.tags.filter((x) => filter === 'all' || x.status === filter) : []),
    [board, filter],
  );

  const toDisinfect = selectedWith(board, selected, ['available']);
  const toReturn = selectedWith(board, selected, ['disinfection']);
  const toRetire = selectedWith(board, selected, RETIRABLE_TAG_STATUSES);
  const toRestore = selectedWith(board, selected, RESTORABLE_TAG_STATUSES);
  const single = selected.size === 1 ? (board?.tags.find((x) => selected.has(x.number)) ?? null) : null;

  const batch = (op: 'tags.sendToDisinfection' | 'tags.returnFromDisinfection', numbers: number[]) =>
    (op === 'tags.sendToDisinfection' ? send : back).run({ numbers }, (b) => {
      setBoard(b);
      clearSelection();
      toast.ok(
        t(op === 'tags.sendToDisinfection' ? 'tags.sentDone' : 'tags.returnedDone', {
          count: numbers.length,
        }),
      );
    });

  const onTile = async (tag: KeyTag, shift: boolean) => {
    if (tag.status === 'issued') {
      if (!tag.holder || !canCheckout) return;
      try {
        setCheckout(await useCheckin.getState().preview({ visitId: tag.holder.visitId }));
      } catch (e) {
        toast.error(errorText(e));
      }
      return;
    }
    if (shift) selectRange(tag.number, visible);
    else toggle(tag.number);
  };

  const counts = board?.counts;
  const anyAction = canDisinfect || canReturn || canRetire || canRestore || canLocker || canRenumber;

  return (
    <div className="page tags-page">
      <div className="page-header tags-header">
        <h1>{t('tags.title')}</h1>
        {counts && (
          <div className="tags-legend" role="group" aria-label={t('tags.filterLabel')}>
            <button
              type="button"
              className={`tags-chip tags-chip-all ${filter === 'all' ? 'on' : ''}`}
              aria-pressed={filter === 'all'}
              onClick={() => setFilter('all')}
            >
              {t('tags.all')} <strong>{counts.total}</strong>
            </button>
            {TAG_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={`tags-chip tag-${s} ${filter === s ? 'on' : ''}`}
                aria-pressed={filter === s}
                onClick={() => setFilter(filter === s ? 'all' : s)}
              >
                <span className="tags-swatch" aria-hidden="true" />
                {t(`tags.status.${s}`)} <strong>{counts[s]}</strong>
              </button>
            ))}
          </div>
        )}
      </div>

      {board?.disinfectionDueToday && (
        <div className="tags-banner" role="status">
          <Icon name="warn" size={22} /> {t('tags.disinfectionDue')}
        </div>
      )}
      {error !== null && (
        <div className="field-error" role="alert">
          {errorText(error)}
        </div>
      )}

      <div className="toolbar tags-toolbar">
        {anyAction && (
          <>
            <button type="button" className="btn" onClick={() => selectWhere('available', board)}>
              {t('tags.selectAvailable')}
            </button>
            {canReturn && (
              <button type="button" className="btn" onClick={() => selectWhere('disinfection', board)}>
                {t('tags.selectDisinfection')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-ghost"
              disabled={selected.size === 0}
              onClick={clearSelection}
            >
              {t('tags.clearSelection')}
            </button>
            <span className="tags-selected" aria-live="polite">
              {t('tags.selectedCount', { count: selected.size })}
            </span>
          </>
        )}
        <span className="tags-spacer" />
        {canDisinfect && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || toDisinfect.length === 0}
            onClick={() => void batch('tags.sendToDisinfection', toDisinfect)}
          >
            {t('tags.sendToDisinfection', { count: toDisinfect.length })}
          </button>
        )}
        {canReturn && (
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || toReturn.length === 0}
            onClick={() => void batch('tags.returnFromDisinfection', toReturn)}
          >
            {t('tags.returnFromDisinfection', { count: toReturn.length })}
          </button>
        )}
        {canRetire && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={toRetire.length === 0}
            onClick={() => setAction({ kind: 'retire', numbers: toRetire })}
          >
            {t('tags.retire', { count: toRetire.length })}
          </button>
        )}
        {canRestore && (
          <button
            type="button"
            className="btn"
            disabled={toRestore.length === 0}
            onClick={() => setAction({ kind: 'restore', numbers: toRestore })}
          >
            {t('tags.restore', { count: toRestore.length })}
          </button>
        )}
        {canLocker && (
          <button
            type="button"
            className="btn"
            disabled={!single}
            onClick={() => single && setAction({ kind: 'locker', tag: single })}
          >
            {t('tags.setLocker')}
          </button>
        )}
        {canRenumber && (
          <button
            type="button"
            className="btn"
            disabled={!single || single.status === 'issued'}
            onClick={() => single && setAction({ kind: 'renumber', tag: single })}
          >
            {t('tags.renumber')}
          </button>
        )}
        {canAdd && (
          <button
            type="button"
            className="btn"
            onClick={() =>
              setAction({
                kind: 'add',
                next: (board?.tags.reduce((m, x) => Math.max(m, x.number), 0) ?? 0) + 1,
              })
            }
          >
            {t('tags.add')}
          </button>
        )}
      </div>

      <div
        className="tags-grid"
        role="group"
        aria-label={t('tags.board')}
        aria-busy={boardQuery.isFetching && !board}
      >
        {!board && !error && <p className="muted">{t('common.loading')}</p>}
        {board && visible.length === 0 && <p className="muted">{t('tags.noneInFilter')}</p>}
        {visible.map((tag) => {
          const isSel = selected.has(tag.number);
          const issued = tag.status === 'issued';
          return (
            <button
              key={tag.number}
              type="button"
              className={`tag-tile tag-${tag.status} ${isSel ? 'selected' : ''}`}
              aria-label={tileLabel(t, tag)}
              aria-pressed={selectable(tag) ? isSel : undefined}
              title={
                tag.lastDisinfectedAt
                  ? t('tags.lastDisinfected', { at: fmtDateTime(tag.lastDisinfectedAt) })
                  : undefined
              }
              disabled={issued && !canCheckout}
              onClick={(e) => void onTile(tag, e.shiftKey)}
            >
              <span className="tag-num">{tag.number}</span>
              {issued && tag.holder ? (
                <>
                  <span className="tag-holder">{tag.holder.name}</span>
                  <span className="tag-since">{fmtTime(tag.since)}</span>
                </>
              ) : (
                <span className="tag-word">{t(`tags.status.${tag.status}`)}</span>
              )}
              {tag.locker && (
                <span className="tag-locker">{t('tags.lockerShort', { locker: tag.locker })}</span>
              )}
              {isSel && (
                <span className="tag-check" aria-hidden="true">
                  ✔
                </span>
              )}
            </button>
          );
        })}
      </div>

      {action && (
        <TagActionDialog
          action={action}
          onClose={() => {
            setAction(null);
            void load();
          }}
          onDone={(b, message) => {
            setBoard(b);
            clearSelection();
            setAction(null);
            toast.ok(message);
          }}
        />
      )}
      {checkout && (
        <CheckoutDialog
          preview={checkout}
          onClose={() => setCheckout(null)}
          onDone={(r) => {
            setCheckout(null);
            // the board has no result panel: the card and the change are said here
            toast.ok(
              r.cardNo
                ? t('checkin.handBackCard', { cardNo: r.cardNo })
                : t('checkin.guestOut', { name: r.name }),
            );
            const change = r.receipt?.changeCents ?? 0;
            if (change > 0) toast.warn(t('checkin.out.changeToast', { amount: fmtMoney(change) }));
            void load();
          }}
        />
      )}
    </div>
  );
}
