/**
 * The rules in words: why a consultant is called, who is next and why, the public-address text and
 * the announcement texts, in the current language. The core sends codes with parameters.
 */
import i18next from 'i18next';
import type {
  AnnouncementItem,
  Decision,
  PassedOver,
  ReasonParams,
  RotationConsultant,
  RotationNext,
  SkipReason,
  VisitorSummary,
} from '../../../../electron/core/contract';
import { fmtDate, fmtDateTime, fmtTime } from '../../format';
import { wordIn } from '../../i18n/keys';

const t = i18next.t;

/** A presence state from the core ("away", "not_signed_in", "signed_out"…) as words. */
export function stateWords(state: unknown): string {
  const s = String(state ?? '');
  return wordIn('visitors.state', s, s);
}

export function skipWords(reason: SkipReason): string {
  return t(`visitors.skip.${reason}`);
}

/** The decision of a registration (or inquiry) as one or two sentences. */
export function decisionWords(d: Decision, limitDays: number): string {
  const p: ReasonParams = d.params;
  const params: Record<string, unknown> = { ...p, limit: p.limit ?? limitDays };
  if (typeof p.state === 'string') params.state = stateWords(p.state);
  if (typeof p.date === 'string') params.date = fmtDate(p.date);
  if (typeof p.fixedAt === 'string') params.fixedAt = fmtDateTime(p.fixedAt);
  if (typeof p.days === 'number') {
    const n = p.days;
    params.ago =
      n === 0
        ? t('visitors.decision.ago_zero')
        : n > 0
          ? t('visitors.decision.ago_past', { count: n })
          : t('visitors.decision.ago_future', { count: -n });
  }
  let text = t(`visitors.decision.code.${d.code}`, params);
  if (d.code === 'appointment' && typeof p.others === 'number' && p.others > 0) {
    text += ` ${t('visitors.decision.others', { count: p.others })}`;
  }
  return text;
}

export function passedOverWords(list: readonly { name: string; reason: SkipReason }[]): string {
  if (list.length === 0) return '';
  const sep = i18next.language === 'en' ? ', ' : '、';
  return t('visitors.decision.passedOver', {
    list: list
      .map((x) => t('visitors.decision.passedOne', { name: x.name, reason: skipWords(x.reason) }))
      .join(sep),
  });
}

/** The whole outcome of a registration: why, whom it calls (or that the visitor waits), who was passed over. */
export function registrationWords(
  v: VisitorSummary & { passedOver?: PassedOver[] },
  limitDays: number,
): string[] {
  const lines = [decisionWords(v.decision, limitDays)];
  if (v.currentCall) lines.push(t('visitors.decision.calling', { name: v.currentCall.staffName }));
  else if (v.status === 'waiting') lines.push(t('visitors.decision.waiting'));
  if (v.passedOver && v.passedOver.length > 0) lines.push(passedOverWords(v.passedOver));
  return lines;
}

/** Who is next and why, as a sentence (plus who would be passed over). */
export function nextWhyWords(n: RotationNext): string {
  const params = { ...n.why.params, name: n.name ?? '' };
  return t(`visitors.rotation.why.${n.why.code}`, params);
}

export function passOverLines(n: RotationNext): string[] {
  return n.wouldPassOver.map((x) =>
    t('visitors.rotation.passOver', { name: x.name, reason: skipWords(x.reason) }),
  );
}

/** How a visitor is addressed when reception introduces them ("Ms Zhang" / "张女士"). */
export function politeTitle(v: Pick<VisitorSummary, 'surname' | 'gender'>): string {
  return t(v.gender === 'male' ? 'visitors.call.mr' : 'visitors.call.ms', { surname: v.surname });
}

export function paText(consultantName: string): string {
  return t('visitors.call.pa', { name: consultantName });
}

/** The state of a consultant on the board: a key for the colour and the words. */
export function boardState(c: RotationConsultant): { key: string; words: string } {
  if (c.beingCalledFor !== null && c.state === 'available')
    return { key: 'being_called', words: t('visitors.state.being_called') };
  if (c.state === 'away') {
    const kind = t(`visitors.awayKind.${c.awayKind ?? 'other'}`);
    return { key: 'away', words: `${t('visitors.state.away')} · ${kind}` };
  }
  return { key: c.state, words: t(`visitors.state.${c.state}`) };
}

/** The announcement text to read (and speak) in the current language. */
export function announcementText(a: AnnouncementItem): string {
  const time = fmtTime(a.startsAt);
  if (a.kind === 'closing') return t('visitors.ann.closingText', { time });
  const params = {
    time,
    className: a.className ?? '',
    room: a.room ?? '',
    instructor: a.instructor ?? '',
  };
  return a.instructor ? t('visitors.ann.classText', params) : t('visitors.ann.classTextNoInstructor', params);
}
