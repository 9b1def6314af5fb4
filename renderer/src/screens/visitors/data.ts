/**
 * The visitor desk's server data: the rotation board, today's visitors, the detail of every visitor
 * being called or waiting (for the calling cards) and today's announcements. Each is a query that
 * the core's change events refresh, so every window shows the same rotation at once; `poll` adds a
 * refresh every so many milliseconds where the screen shows countdowns.
 */
import type { RotationBoard, VisitorDetail, VisitorsToday } from '../../../../electron/core/contract';
import { refresh, setOpData, updateOpData, useOp, useOps } from '../../query';
import { useCan } from '../../stores/session';
import { useVisitors } from '../../stores/visitors';

export function useBoard(poll?: number) {
  const can = useCan('rotation.board');
  return useOp('rotation.board', {}, { enabled: can, refetchInterval: poll });
}

export function useVisitorsToday(poll?: number) {
  const canBoard = useCan('rotation.board');
  const can = useCan('visitors.today');
  return useOp('visitors.today', {}, { enabled: canBoard && can, refetchInterval: poll });
}

const isOpen = (v: { status: string }) => v.status === 'calling' || v.status === 'waiting';
const NONE: VisitorDetail[] = [];
const openIds = (today: VisitorsToday) => today.visitors.filter(isOpen).map((v) => ({ id: v.id }));

/** The visitors being called or waiting, in the order they came, each in detail. */
export function useOpenVisitors(poll?: number): VisitorDetail[] {
  const today = useVisitorsToday(poll);
  const ids = today.data ? openIds(today.data) : [];
  const details = useOps('visitors.get', ids, { refetchInterval: poll });
  const list = details.flatMap((q) => (q.data && isOpen(q.data) ? [q.data] : []));
  return list.length === 0 ? NONE : list.sort((a, b) => a.id - b.id);
}

export function useAnnouncements(poll?: number) {
  const can = useCan('announcements.due');
  return useOp('announcements.due', {}, { enabled: can, refetchInterval: poll });
}

/** The board as a change answered it (sign-in, away, back…). */
export function setBoard(board: RotationBoard): void {
  setOpData('rotation.board', {}, board);
}

/**
 * A visitor as a change answered it: their card and their row show it at once, the board and
 * today's list are fetched again (the rotation moved, the counts changed).
 */
export function setVisitor(v: VisitorDetail): void {
  setOpData('visitors.get', { id: v.id }, v);
  updateOpData('visitors.today', {}, (today) => ({
    ...today,
    visitors: today.visitors.some((x) => x.id === v.id)
      ? today.visitors.map((x) => (x.id === v.id ? v : x))
      : [...today.visitors, v],
  }));
  const last = useVisitors.getState().lastRegistered;
  if (last && last.id === v.id) useVisitors.getState().setLastRegistered(v);
  void refreshVisitors();
}

/** The board, today's visitors and the open calls, fetched again. */
export function refreshVisitors(): Promise<void> {
  return refresh('rotation.board', 'visitors.today', 'visitors.get');
}
