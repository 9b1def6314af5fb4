/**
 * Closing a shift, step by step: the book's figures → the used key tags counted by hand and only then
 * compared with the tags the book issued (a difference explained; mismatches listed) →
 * the blind cash count with a denomination calculator → only then expected vs counted, the surplus
 * or shortage with its reason and the float handed over → messages and notes → two PIN signatures.
 * One blind count per shift: a recount needs a shift lead's PIN (the earlier count stays listed, with
 * its time and difference); the close uses the latest count.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DESK,
  type CountResult,
  type ShiftCurrent,
  type ShiftReport,
} from '../../../../electron/core/contract';
import { centsToYuan, parseCents } from '../../../../electron/shared/money';
import { call } from '../../api';
import { FormError } from '../../components/FormParts';
import { MoneyInput } from '../../components/PaymentEditor';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { fmtMoney, moneyRefusal } from '../../format';
import { useStaffList } from '../../staff';
import { useSession } from '../../stores/session';
import { FiguresSection, StillOpenSection, TagsSection } from './BookView';
import { CountsTable } from './CashLists';
import { CashTable, CountStep } from './CountStep';
import { RecountDialog } from './Running';

const STEPS = ['book', 'tags', 'count', 'result', 'messages', 'sign'] as const;
type Step = (typeof STEPS)[number];

export function CloseWizard({
  current,
  onCancel,
  onClosed,
}: {
  current: ShiftCurrent;
  onCancel: () => void;
  onClosed: (r: ShiftReport) => void;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const me = useSession((s) => s.info!.staff);
  const shift = current.shift!;
  const [step, setStep] = useState<Step>('book');
  const [count, setCount] = useState<CountResult | null>(current.count);
  const [reason, setReason] = useState('');
  // the used tags counted by hand: blind until "compare" (then fixed, like the cash count)
  const [tagsCounted, setTagsCounted] = useState('');
  const [tagsCompared, setTagsCompared] = useState(false);
  const [tagsReason, setTagsReason] = useState('');
  const [floatHanded, setFloatHanded] = useState(() =>
    centsToYuan(Math.min(shift.floatCents, current.count?.countedCents ?? shift.floatCents)),
  );
  const [messages, setMessages] = useState(shift.messages);
  const [notes, setNotes] = useState(shift.notes);
  const everyone = useStaffList().data;
  const staff = useMemo(() => everyone?.filter((s) => DESK.includes(s.role)) ?? [], [everyone]);
  const onDuty = shift.onDuty.some((s) => s.id === me.id);
  const [outId, setOutId] = useState<number | ''>(onDuty ? me.id : (shift.onDuty[0]?.id ?? ''));
  const [inId, setInId] = useState<number | ''>('');
  const [outPin, setOutPin] = useState('');
  const [inPin, setInPin] = useState('');
  const { busy, error: problem, setError: setProblem, run } = useSubmit();
  const heading = useRef<HTMLHeadingElement>(null);
  const [recounting, setRecounting] = useState(false);

  useEffect(() => {
    heading.current?.focus();
  }, [step]);

  const idx = STEPS.indexOf(step);
  const floatCents = parseCents(floatHanded);
  const issued = current.book!.tags.issued;
  const counted = /^\d{1,5}$/.test(tagsCounted) ? Number(tagsCounted) : null;
  const tagsDiffer = counted !== null && counted !== issued;
  const compareTags = () => {
    if (counted === null) return setProblem(t('shift.wizard.tagsCountNeeded'));
    setProblem(null);
    setTagsCompared(true);
  };
  const byId = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);

  const next = () => {
    if (step === 'count' && !count) return;
    if (step === 'tags') {
      if (!tagsCompared) return compareTags();
      if (tagsDiffer && !tagsReason.trim()) return setProblem(t('shift.wizard.tagsReasonNeeded'));
    }
    if (step === 'result' && count) {
      if (count.differenceCents !== 0 && !reason.trim()) return setProblem(t('shift.wizard.reasonNeeded'));
      if (floatCents === null || floatCents > count.countedCents)
        return setProblem((floatCents === null && moneyRefusal(floatHanded)) || t('shift.wizard.badFloat'));
    }
    setProblem(null);
    setStep(STEPS[Math.min(idx + 1, STEPS.length - 1)]!);
  };
  const back = () => {
    setProblem(null);
    setStep(STEPS[Math.max(idx - 1, 0)]!);
  };

  const sign = async () => {
    if (!count || floatCents === null || counted === null || outId === '' || inId === '') return;
    if (outId === inId) return setProblem(t('shift.wizard.samePerson'));
    await run(
      async () => {
        const r = await call('shift.close', {
          shiftId: shift.id,
          ...(count.differenceCents !== 0 ? { differenceReason: reason.trim() } : {}),
          tagsCounted: counted,
          ...(tagsDiffer ? { tagsReason: tagsReason.trim() } : {}),
          floatHandedCents: floatCents,
          messages,
          notes,
          outgoing: { staffId: outId, pin: outPin },
          incoming: { staffId: inId, pin: inPin },
        });
        onClosed(r);
      },
      (e) => {
        setOutPin('');
        setInPin('');
        return errorText(e);
      },
    );
  };

  return (
    <section className="card shift-wizard" aria-labelledby={`${uid}-h`}>
      <div className="shift-wizard-head">
        <h2 id={`${uid}-h`} ref={heading} tabIndex={-1}>
          {t('shift.wizard.title')}: {t(`shift.wizard.steps.${step}`)}
        </h2>
        <span className="muted">{t('shift.wizard.stepOf', { n: idx + 1, total: STEPS.length })}</span>
      </div>
      <ol className="shift-steps" aria-label={t('shift.wizard.title')}>
        {STEPS.map((s, i) => (
          <li key={s} aria-current={s === step ? 'step' : undefined} className={i < idx ? 'done' : undefined}>
            <span className="shift-step-n">{i < idx ? '✓' : i + 1}</span> {t(`shift.wizard.steps.${s}`)}
          </li>
        ))}
      </ol>

      <div className="shift-wizard-body">
        {step === 'book' && (
          <>
            <p>{t('shift.wizard.bookIntro')}</p>
            <FiguresSection book={current.book!} />
            {/* messages not yet done and repairs not fixed: handed over with the shift */}
            <StillOpenSection book={current.book!} />
          </>
        )}
        {step === 'tags' && (
          <div className="shift-two">
            <form
              onSubmit={(e) => {
                e.preventDefault();
                if (!tagsCompared) compareTags();
              }}
            >
              <p>{t('shift.wizard.tagsIntro')}</p>
              <div className="field">
                <label htmlFor={`${uid}-tags`}>{t('shift.wizard.tagsCounted')}</label>
                <div className="shift-tagcount">
                  <input
                    id={`${uid}-tags`}
                    className="input money-input"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={5}
                    autoFocus
                    readOnly={tagsCompared}
                    value={tagsCounted}
                    onChange={(e) => setTagsCounted(e.target.value.replace(/\D/g, ''))}
                  />
                  {!tagsCompared && (
                    <button type="submit" className="btn btn-big">
                      {t('shift.wizard.tagsCompare')}
                    </button>
                  )}
                </div>
              </div>
              {tagsCompared && counted !== null && (
                <p className={tagsDiffer ? 'banner banner-block' : 'banner banner-ok'} role="status">
                  {tagsDiffer
                    ? `✗ ${t('shift.wizard.tagsDiffer', { counted, issued })}`
                    : `✓ ${t('shift.wizard.tagsAgree', { issued })}`}
                </p>
              )}
              {tagsCompared && tagsDiffer && (
                <div className="field">
                  <label htmlFor={`${uid}-tags-why`}>{t('shift.wizard.tagsReason')}</label>
                  <textarea
                    id={`${uid}-tags-why`}
                    rows={2}
                    maxLength={500}
                    autoFocus
                    value={tagsReason}
                    onChange={(e) => setTagsReason(e.target.value)}
                  />
                </div>
              )}
            </form>
            {tagsCompared && <TagsSection book={current.book!} />}
          </div>
        )}
        {step === 'count' && shift.counts.length > 0 && (
          <CountsTable counts={shift.counts} caption={t('shift.counts.sofar')} />
        )}
        {step === 'count' && !count && shift.recountPending && (
          <p className="banner banner-warn">
            {t('shift.drawer.recountNow', {
              name: shift.recountPending.authorizedByName,
              reason: shift.recountPending.reason,
            })}
          </p>
        )}
        {step === 'count' &&
          (count ? (
            <p className="banner banner-ok">{t('shift.wizard.countDone')}</p>
          ) : (
            <CountStep
              shiftId={shift.id}
              onCounted={(c) => {
                setCount(c);
                setFloatHanded(centsToYuan(Math.min(shift.floatCents, c.countedCents)));
                setStep('result');
              }}
            />
          ))}
        {step === 'result' && count && (
          <div className="shift-two">
            <div>
              <p>{t('shift.wizard.resultIntro')}</p>
              <CashTable count={count} />
              <button type="button" className="btn shift-recount-btn" onClick={() => setRecounting(true)}>
                {t('shift.recount.button')}
              </button>
            </div>
            <div>
              <OverShort cents={count.differenceCents} />
              {count.differenceCents !== 0 && (
                <div className="field">
                  <label htmlFor={`${uid}-reason`}>{t('shift.cash.reason')}</label>
                  <textarea
                    id={`${uid}-reason`}
                    rows={3}
                    maxLength={500}
                    value={reason}
                    autoFocus
                    onChange={(e) => setReason(e.target.value)}
                  />
                </div>
              )}
              <div className="field">
                <label htmlFor={`${uid}-float`}>{t('shift.cash.floatHanded')}</label>
                <MoneyInput
                  id={`${uid}-float`}
                  value={floatHanded}
                  onChange={setFloatHanded}
                  invalid={floatCents === null}
                />
              </div>
              {shift.counts.length > 1 && <CountsTable counts={shift.counts} />}
            </div>
          </div>
        )}
        {step === 'messages' && (
          <>
            <p>{t('shift.wizard.messagesIntro')}</p>
            <div className="field">
              <label htmlFor={`${uid}-m`}>{t('shift.running.messages')}</label>
              <textarea
                id={`${uid}-m`}
                rows={4}
                maxLength={5000}
                value={messages}
                onChange={(e) => setMessages(e.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor={`${uid}-n`}>{t('shift.running.notes')}</label>
              <textarea
                id={`${uid}-n`}
                rows={3}
                maxLength={5000}
                value={notes}
                onChange={(e) => setNotes(e.target.value)}
              />
            </div>
          </>
        )}
        {step === 'sign' && (
          <form
            id={`${uid}-sign`}
            onSubmit={(e) => {
              e.preventDefault();
              void sign();
            }}
          >
            <p>{t('shift.wizard.signIntro')}</p>
            <div className="shift-two">
              {(
                [
                  ['outgoing', outId, setOutId, outPin, setOutPin],
                  ['incoming', inId, setInId, inPin, setInPin],
                ] as const
              ).map(([who, id, setId, pin, setPin]) => (
                <fieldset key={who} className="shift-fieldset shift-signer">
                  <legend>{t(`shift.wizard.${who}`)}</legend>
                  <div className="field">
                    <label htmlFor={`${uid}-${who}-who`}>{t('shift.wizard.who')}</label>
                    <select
                      id={`${uid}-${who}-who`}
                      value={id}
                      onChange={(e) => setId(e.target.value === '' ? '' : Number(e.target.value))}
                    >
                      <option value="">{t('shift.wizard.pickPerson')}</option>
                      {staff.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name} · {t(`common.roles.${s.role}`)}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="field">
                    <label htmlFor={`${uid}-${who}-pin`}>
                      {t('shift.wizard.pinOf', { name: id === '' ? '—' : (byId.get(id) ?? '') })}
                    </label>
                    <input
                      id={`${uid}-${who}-pin`}
                      type="password"
                      inputMode="numeric"
                      autoComplete="off"
                      maxLength={8}
                      value={pin}
                      onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
                    />
                  </div>
                </fieldset>
              ))}
            </div>
          </form>
        )}
        <FormError error={problem} as="p" />
      </div>
      {recounting && (
        <RecountDialog
          shiftId={shift.id}
          onClose={() => setRecounting(false)}
          onDone={() => {
            setRecounting(false);
            setCount(null);
            setReason('');
            setProblem(null);
            setStep('count');
          }}
        />
      )}

      <div className="shift-wizard-foot sticky-actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('shift.wizard.cancel')}
        </button>
        <span className="spacer" />
        {idx > 0 && (
          <button type="button" className="btn btn-big" onClick={back} disabled={busy}>
            {t('shift.wizard.back')}
          </button>
        )}
        {step !== 'sign' && (step !== 'count' || count) && (
          <button type="button" className="btn btn-primary btn-big" onClick={next}>
            {t('shift.wizard.next')}
          </button>
        )}
        {step === 'sign' && (
          <button
            type="submit"
            form={`${uid}-sign`}
            className="btn btn-primary btn-big"
            disabled={busy || outId === '' || inId === '' || outPin.length < 4 || inPin.length < 4}
          >
            {t('shift.wizard.sign')}
          </button>
        )}
      </div>
    </section>
  );
}

/** The over/short of the count: the largest figure on its step, red (short) / amber (over) with words. */
function OverShort({ cents }: { cents: number }) {
  const { t } = useTranslation();
  const kind = cents === 0 ? 'ok' : cents > 0 ? 'over' : 'short';
  return (
    <div className={`shift-overshort shift-overshort-${kind}`} role="status" data-testid="over-short">
      <span className="shift-overshort-word">
        {kind === 'ok'
          ? `✓ ${t('shift.cash.exact')}`
          : kind === 'over'
            ? `▲ ${t('shift.wizard.overWord')}`
            : `▼ ${t('shift.wizard.shortWord')}`}
      </span>
      {cents !== 0 && <span className="shift-overshort-amount">{fmtMoney(Math.abs(cents))}</span>}
    </div>
  );
}
