/**
 * The big result of the last action at the counter, readable from two metres (issue 14): a filled
 * band with the state in a large word (可以入场 / 请注意 / 不能入场; a member inside, neutral; a
 * double scan, the quietest), the whole panel tinted in the state, the key tag number huge in the
 * state colour; then the member (photo, name, card type, expiry, visits left, stored value) and each
 * warning or block reason with what to do. A birthday is a friendly note on a green result: amber
 * is only for what staff must act on.
 */
import { memo, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberCard, StatusReason, VisitInfo, WarningCode } from '../../../../electron/core/contract';
import { MemberPhoto } from '../../components/MemberPhoto';
import { fmtDate, fmtMoney, fmtTime } from '../../format';
import { can, useCan } from '../../stores/session';
import { actionWarnings, insideTag, type Panel } from '../../stores/checkin';
import { DebtsDialog } from './DebtsDialog';
import { Icon } from './Icon';
import { blockText, warningText } from './reasons';

export interface ResultActions {
  onOverride(): void;
  onNoTag(): void;
  onCheckoutInstead(cardNo: string): void;
  onChangeTag(v: VisitInfo): void;
  onTrialGuest(): void;
}

function MemberLine({ m, children }: { m: MemberCard; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="result-member">
      <div className="result-name">{m.name}</div>
      <div className="result-meta">
        <span>
          {t('checkin.cardNo')}: <strong>{m.cardNo}</strong>
        </span>
        <span>{m.cardTypeName}</span>
        {m.gender === 'unknown' && (
          <span className="badge badge-muted" data-testid="gender-unknown">
            {t('checkin.genderUnknown')}
          </span>
        )}
      </div>
      <div className="result-meta result-figures">
        <span data-testid="stored-value">
          {t('checkin.state.storedValue')}: <strong>{fmtMoney(m.storedValueCents)}</strong>
        </span>
        {m.cardKind === 'visits' ? (
          <span>
            {t('checkin.visitsLeft')}: <strong>{m.visitsLeft ?? '—'}</strong>
            {m.expiryDate && (
              <>
                {' · '}
                {t('checkin.expires')}: <strong>{fmtDate(m.expiryDate)}</strong>
              </>
            )}
          </span>
        ) : (
          <span>
            {t('checkin.expires')}: <strong>{fmtDate(m.expiryDate)}</strong>
          </span>
        )}
      </div>
      {children}
    </div>
  );
}

/**
 * The warnings of a check-in, each in words. An unpaid balance can be paid on the spot ("Pay now"
 * opens the member's debts); once paid the line says so.
 */
function Warnings(props: { warnings: StatusReason<WarningCode>[]; member: MemberCard | null; at: number }) {
  const { t } = useTranslation();
  const canPay = useCan('payments.payDebts');
  const [open, setOpen] = useState(false);
  const [paidAt, setPaidAt] = useState<number | null>(null);
  const { member } = props;
  if (props.warnings.length === 0) return null;
  const paid = paidAt === props.at;
  return (
    <>
      <ul className="result-reasons result-reasons-warn">
        {props.warnings.map((w, i) => (
          <li key={i} className={w.code === 'UNPAID_BALANCE' ? 'result-unpaid' : undefined}>
            {w.code === 'UNPAID_BALANCE' && paid ? <s>{warningText(w, member)}</s> : warningText(w, member)}
            {w.code === 'UNPAID_BALANCE' &&
              member &&
              (paid ? (
                <span className="badge badge-ok">{t('checkin.debts.settled')}</span>
              ) : (
                canPay && (
                  <button
                    type="button"
                    className="btn btn-primary btn-small result-paynow"
                    onClick={() => setOpen(true)}
                  >
                    {t('checkin.payNow')}
                  </button>
                )
              ))}
          </li>
        ))}
      </ul>
      {open && member && (
        <DebtsDialog
          memberId={member.id}
          name={member.name}
          onClose={() => setOpen(false)}
          onPaid={() => {
            setPaidAt(props.at);
            setOpen(false);
          }}
        />
      )}
    </>
  );
}

function TagBig({ tag }: { tag: number | null }) {
  const { t } = useTranslation();
  if (tag === null) {
    return (
      <div className="result-tag result-tag-none">
        <div className="result-tag-label">{t('checkin.noTagGiven')}</div>
      </div>
    );
  }
  return (
    <div className="result-tag">
      <div className="result-tag-label">{t('checkin.keyTag')}</div>
      <div className="result-tag-number" data-testid="tag-number">
        {tag}
      </div>
      <div className="result-tag-hint">{t('checkin.bringBack')}</div>
    </div>
  );
}

export type Tone = 'idle' | 'ok' | 'warn' | 'block' | 'inside' | 'quiet';

/** The filled band: the state's icon, its word large, and a line under it. */
function Band(props: { tone: Exclude<Tone, 'idle'>; word: string; note?: string }) {
  const icon = { ok: 'ok', warn: 'warn', block: 'block', inside: 'info', quiet: 'info' } as const;
  return (
    <div className="result-band" data-testid="result-band">
      <span className="result-icon" aria-hidden="true">
        <Icon name={icon[props.tone]} size={44} />
      </span>
      <span className="result-word" data-testid="state-word">
        {props.word}
      </span>
      {props.note && <span className="result-band-note">{props.note}</span>}
    </div>
  );
}

/** A birthday on a green result: a friendly note, not a warning. */
function BirthdayNote({ warnings }: { warnings: StatusReason<WarningCode>[] }) {
  const { t } = useTranslation();
  if (!warnings.some((w) => w.code === 'BIRTHDAY')) return null;
  return (
    <p className="result-birthday" data-testid="birthday">
      {t('checkin.warn.birthday')}
    </p>
  );
}

/** Memoised: the counter screen renders again for other reasons (busy, the list refresh). */
export const ResultPanel = memo(function ResultPanel(props: { panel: Panel; actions: ResultActions }) {
  const { t } = useTranslation();
  const { panel, actions } = props;
  const [, setTick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => setTick((n) => n + 1), 30_000);
    return () => clearInterval(id);
  }, []);

  let body: ReactNode;
  let tone: Tone = 'idle';
  if (panel.kind === 'idle') {
    body = <p className="result-idle">{t('checkin.idle')}</p>;
  } else if (panel.kind === 'error') {
    tone = 'block';
    body = (
      <>
        <Band tone="block" word={t('checkin.failed')} />
        <p className="result-error">{panel.text}</p>
      </>
    );
  } else if (panel.kind === 'guest') {
    const v = panel.visit;
    tone = 'ok';
    body = (
      <>
        <Band
          tone="ok"
          word={t('checkin.ok')}
          note={t(v.kind === 'coach' ? 'checkin.coachIn' : 'checkin.trialIn', { name: v.name })}
        />
        <div className="result-body">
          <div className="result-member">
            <div className="result-name">{v.name}</div>
            <div className="result-meta">
              <span className="badge badge-muted">{t(`checkin.kind.${v.kind}`)}</span>
              <span>{t(`common.${v.gender}`)}</span>
              <span>{t('checkin.sinceTime', { time: fmtTime(v.checkedInAt) })}</span>
            </div>
          </div>
          <TagBig tag={v.tagNumber} />
        </div>
        <div className="result-actions">
          <button type="button" className="btn" onClick={() => actions.onChangeTag(v)}>
            {t('checkin.changeTag.button')}
          </button>
        </div>
      </>
    );
  } else if (panel.kind === 'checkedOut') {
    const r = panel.result;
    const lost = r.checkoutKind === 'tag_not_returned';
    tone = lost ? 'warn' : 'ok';
    body = (
      <>
        <Band tone={lost ? 'warn' : 'ok'} word={t('checkin.checkedOut', { name: r.name })} />
        <div className="result-closing">
          {r.cardNo ? (
            <>
              <p className="result-closing-main">{t('checkin.handBackCard', { cardNo: r.cardNo })}</p>
              <p className="result-closing-say">{t('checkin.handBackSay', { cardNo: r.cardNo })}</p>
            </>
          ) : (
            <p className="result-closing-main">{t('checkin.guestOut', { name: r.name })}</p>
          )}
          {(r.receipt?.changeCents ?? 0) > 0 && (
            <div className="result-change" role="note">
              <span>{t('checkin.changeDue')}</span>
              <strong data-testid="change-due">{fmtMoney(r.receipt?.changeCents ?? 0)}</strong>
            </div>
          )}
          {r.receipt && r.receipt.totalCents > 0 && (
            <div className="result-paid" data-testid="paid-how">
              <p>{t('checkin.tabPaid', { amount: fmtMoney(r.receipt.totalCents) })}</p>
              <ul>
                {r.receipt.parts.map((p, i) => (
                  <li key={i}>
                    {p.method === 'cash' && p.tenderedCents !== null
                      ? t('checkin.paidBy.cash', {
                          amount: fmtMoney(p.amountCents),
                          tendered: fmtMoney(p.tenderedCents),
                          change: fmtMoney(p.changeCents ?? 0),
                        })
                      : t('checkin.paidBy.part', {
                          method: t(`checkin.pay.method.${p.method}`),
                          amount: fmtMoney(p.amountCents),
                        })}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {r.storedValueCents !== null && (
            <p className="result-sv" data-testid="sv-left">
              {t('checkin.state.storedValue')}: <strong>{fmtMoney(r.storedValueCents)}</strong>
            </p>
          )}
          {r.unpaidLeftCents > 0 && (
            <p className="result-left-unpaid">
              {panel.leftUnpaidBy
                ? t('checkin.tabLeftUnpaidBy', {
                    amount: fmtMoney(r.unpaidLeftCents),
                    name: panel.leftUnpaidBy.name,
                    reason: panel.leftUnpaidBy.reason,
                  })
                : t('checkin.tabLeftUnpaid', { amount: fmtMoney(r.unpaidLeftCents) })}
            </p>
          )}
          {lost ? (
            <p className="result-lost">
              {t('checkin.tagLost', { tag: r.tagNumber ?? '' })}{' '}
              {r.lostTagFeeCents > 0 && t('checkin.lostFeeRecorded', { amount: fmtMoney(r.lostTagFeeCents) })}
            </p>
          ) : (
            r.tagNumber !== null && <p>{t('checkin.tagFreeAgain', { tag: r.tagNumber })}</p>
          )}
        </div>
      </>
    );
  } else {
    const r = panel.result;
    const authBy = panel.authBy;
    if (r.outcome === 'checked_in') {
      const act = actionWarnings(r.warnings);
      tone = act.length > 0 ? 'warn' : 'ok';
      body = (
        <>
          <Band
            tone={tone}
            word={act.length > 0 ? t('checkin.okWarn') : t('checkin.ok')}
            note={t('checkin.state.checkedIn')}
          />
          <Warnings warnings={act} member={r.member} at={panel.at} />
          <BirthdayNote warnings={r.warnings} />
          {(r.overridden || authBy) && (
            <p className="result-override">
              {authBy
                ? t('checkin.letInBy', { name: authBy.name, reason: authBy.reason })
                : t('checkin.overridden')}
            </p>
          )}
          <div className="result-body">
            <MemberPhoto memberId={r.member.id} hasPhoto={r.member.hasPhoto} name={r.member.name} />
            <MemberLine m={r.member}>
              {/* in the member's column: the panel's height is for the band and the tag number */}
              <div className="result-inline-actions">
                <button type="button" className="btn" onClick={() => actions.onChangeTag(r.visit)}>
                  {t('checkin.changeTag.button')}
                </button>
              </div>
            </MemberLine>
            <TagBig tag={r.visit.tagNumber} />
          </div>
        </>
      );
    } else if (r.outcome === 'duplicate_ignored') {
      tone = 'quiet';
      body = (
        <>
          <Band
            tone="quiet"
            word={t('checkin.state.duplicate')}
            note={t('checkin.duplicate', { count: r.secondsAgo })}
          />
          <div className="result-body">
            <MemberPhoto memberId={r.member.id} hasPhoto={r.member.hasPhoto} name={r.member.name} />
            <MemberLine m={r.member} />
            <TagBig tag={r.visit.tagNumber} />
          </div>
        </>
      );
    } else if (r.outcome === 'no_free_tag') {
      tone = 'block';
      body = (
        <>
          <Band tone="block" word={t('checkin.noFreeTag')} note={t('checkin.noFreeTagTodo')} />
          <Warnings warnings={actionWarnings(r.warnings)} member={r.member} at={panel.at} />
          {r.member && (
            <div className="result-body">
              <MemberPhoto memberId={r.member.id} hasPhoto={r.member.hasPhoto} name={r.member.name} />
              <MemberLine m={r.member} />
            </div>
          )}
          {can('checkin.scan') && (
            <div className="result-actions">
              <button type="button" className="btn btn-danger btn-big" onClick={actions.onNoTag}>
                {t('checkin.recordNoTag')}
              </button>
            </div>
          )}
        </>
      );
    } else if (r.outcome === 'blocked' && insideTag(r) !== undefined) {
      // The member inside whose card the desk keeps: the normal way out, not a red "not allowed".
      tone = 'inside';
      const tag = insideTag(r) ?? null;
      const checkoutCard = r.member?.cardNo ?? r.cardNo;
      body = (
        <>
          <Band
            tone="inside"
            word={tag === null ? t('checkin.state.inside') : t('checkin.scanSafety.insideWord', { tag })}
            note={t('checkin.scanSafety.insideHint')}
          />
          {r.member && (
            <div className="result-body">
              <MemberPhoto memberId={r.member.id} hasPhoto={r.member.hasPhoto} name={r.member.name} />
              <MemberLine m={r.member} />
            </div>
          )}
          <div className="result-actions">
            {checkoutCard && (
              <button
                type="button"
                className="btn btn-primary btn-big"
                onClick={() => actions.onCheckoutInstead(checkoutCard)}
              >
                {t('checkin.inside.checkout')}
                <span className="kbd-hint" aria-hidden="true">
                  {t('checkin.enterKey')}
                </span>
              </button>
            )}
          </div>
        </>
      );
    } else {
      tone = 'block';
      const words = r.blocks.map((b) => blockText(b, r.member, r.cardNo));
      const inside = r.blocks.some((b) => b.code === 'ALREADY_INSIDE');
      const unknown = r.blocks.some((b) => b.code === 'UNKNOWN_CARD');
      const checkoutCard = r.member?.cardNo ?? r.cardNo;
      body = (
        <>
          <Band tone="block" word={t('checkin.blocked')} />
          <ul className="result-reasons result-reasons-block">
            {words.map((w, i) => (
              <li key={i}>
                <strong>{w.text}</strong>
                {w.todo && <div className="result-todo">{w.todo}</div>}
              </li>
            ))}
          </ul>
          {r.member && (
            <div className="result-body">
              <MemberPhoto memberId={r.member.id} hasPhoto={r.member.hasPhoto} name={r.member.name} />
              <MemberLine m={r.member} />
            </div>
          )}
          <div className="result-actions">
            {inside && checkoutCard && (
              <button
                type="button"
                className="btn btn-primary btn-big"
                onClick={() => actions.onCheckoutInstead(checkoutCard)}
              >
                {t('checkin.checkoutInstead')}
                <span className="kbd-hint" aria-hidden="true">
                  {t('checkin.enterKey')}
                </span>
              </button>
            )}
            {unknown && (
              <button type="button" className="btn" onClick={actions.onTrialGuest}>
                {t('checkin.registerTrial')}
              </button>
            )}
            {r.overridable && (
              <button type="button" className="btn btn-danger" onClick={actions.onOverride}>
                {t('checkin.override')}
              </button>
            )}
          </div>
        </>
      );
    }
  }

  return (
    <section className={`result result-${tone}`} aria-label={t('checkin.resultLabel')}>
      <div role="status" aria-live="polite" aria-atomic="true" className="result-live">
        {body}
      </div>
    </section>
  );
});
