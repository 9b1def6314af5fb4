/**
 * Phone inquiries: log a call (passed to a consultant by the phone rotation), mark it called back.
 * The caller's name and number are optional (callers leave them only if willing); every call is
 * logged and counted in the handover. Numbers in the list are masked except for the consultant who
 * calls back (and managers).
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call, newOpId } from '../../api';
import { FormError } from '../../components/FormParts';
import { PhoneText } from '../../components/PhoneText';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { clubToday, fmtTime } from '../../format';
import { loadError, refresh, useCommand, useOp } from '../../query';
import { PHONE_MAX, plausiblePhone } from '../../../../electron/shared/phone';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { useConsultants } from '../../staff';
import { decisionWords } from './words';
import { ConsultantSelect } from './ConsultantSelect';
import { refreshVisitors } from './data';

export function PhonePanel() {
  const { t } = useTranslation();
  const uid = useId();
  const consultants = useConsultants();
  const limit = useSession((s) => s.settings?.leadOwnershipDays ?? 3);
  const me = useSession((s) => s.info?.staff);
  const canCreate = useCan('inquiries.create');
  const canAssign = useCan('inquiries.assign');
  const canMark = useCan('inquiries.markCalledBack');
  // today's calls, fresh whenever anything changes (a call back, the phone rotation)
  const listQuery = useOp('inquiries.list', { day: clubToday() });
  const list = listQuery.data ?? null;
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [appt, setAppt] = useState(false);
  const [who, setWho] = useState<number | ''>('');
  const [topic, setTopic] = useState('');
  const [errs, setErrs] = useState<Record<string, boolean>>({});
  const { busy, error: submitError, setError, run } = useSubmit();
  const error = submitError ?? loadError(listQuery);
  const opId = useRef(newOpId());
  const load = () => {
    void refresh('inquiries.list');
    void refreshVisitors();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const p = phone.trim();
    const m = {
      phone: p !== '' && !plausiblePhone(p),
      who: appt && who === '',
    };
    setErrs(m);
    setError(null);
    if (m.phone || m.who) return;
    await run(
      async () => {
        const r = await call('inquiries.create', {
          callerName: name.trim() || null,
          callbackPhone: p || null,
          hasAppointment: appt,
          appointmentWithId: appt ? Number(who) : null,
          topic: topic.trim(),
          opId: opId.current,
        });
        opId.current = newOpId();
        toast.ok(
          r.consultantName
            ? t('visitors.phone.logged', { name: r.consultantName })
            : t('visitors.phone.loggedWaiting'),
        );
        setName('');
        setPhone('');
        setAppt(false);
        setWho('');
        setTopic('');
        load();
      },
      (e) => {
        // The core decides what a phone number is: a number it refuses is marked at the field.
        if (invalidFields(e).includes('callbackPhone')) {
          setErrs((x) => ({ ...x, phone: true }));
          return null;
        }
        return errorText(e);
      },
    );
  };

  const assign = useCommand('inquiries.assign');
  const markCalledBack = useCommand('inquiries.markCalledBack');

  return (
    <div className="vis-split">
      {canCreate && (
        <form
          className="card vis-side-form"
          onSubmit={(ev) => void submit(ev)}
          noValidate
          aria-label={t('visitors.phone.title')}
          onChange={() => (opId.current = newOpId())}
        >
          <h3>{t('visitors.phone.title')}</h3>
          <div className="field">
            <label htmlFor={`${uid}-name`}>{t('visitors.phone.callerName')}</label>
            <input
              id={`${uid}-name`}
              maxLength={100}
              value={name}
              aria-describedby={`${uid}-optional`}
              onChange={(e) => setName(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-phone`}>{t('visitors.phone.callbackPhone')}</label>
            <input
              id={`${uid}-phone`}
              inputMode="tel"
              maxLength={PHONE_MAX}
              value={phone}
              aria-invalid={errs.phone || undefined}
              aria-describedby={`${uid}-optional`}
              onChange={(e) => {
                setPhone(e.target.value);
                setErrs((x) => ({ ...x, phone: false }));
              }}
            />
            {errs.phone && <div className="field-error">{t('visitors.phone.error.callbackPhone')}</div>}
          </div>
          <p className="field-hint" id={`${uid}-optional`}>
            {t('visitors.phone.optionalHint')}
          </p>
          <label className="check">
            <input type="checkbox" checked={appt} onChange={(e) => setAppt(e.target.checked)} />
            {t('visitors.phone.hasAppointment')}
          </label>
          {appt && (
            <ConsultantSelect
              id={`${uid}-who`}
              label={t('visitors.phone.appointmentWho')}
              value={who}
              onChange={setWho}
              consultants={consultants}
              missing={errs.who ? t('visitors.phone.error.appointmentWho') : null}
            />
          )}
          <div className="field">
            <label htmlFor={`${uid}-topic`}>{t('visitors.phone.topic')}</label>
            <input
              id={`${uid}-topic`}
              maxLength={500}
              value={topic}
              onChange={(e) => setTopic(e.target.value)}
            />
          </div>
          <FormError error={error} as="p" />
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {t('visitors.phone.submit')}
          </button>
        </form>
      )}
      <section className="vis-side-list">
        <h3>{t('visitors.phone.listTitle')}</h3>
        {list === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <p className="empty">{t('visitors.phone.empty')}</p>
        ) : (
          <div className="vis-table-wrap">
            <table className="table vis-table">
              <thead>
                <tr>
                  <th>{t('visitors.phone.time')}</th>
                  <th>{t('visitors.phone.caller')}</th>
                  <th>{t('visitors.phone.topic')}</th>
                  <th>{t('visitors.phone.consultant')}</th>
                  <th>{t('visitors.phone.calledBack')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((q) => (
                  <tr key={q.id}>
                    <td className="vis-num">{fmtTime(q.loggedAt)}</td>
                    <td>
                      {q.callerName ? (
                        <strong>{q.callerName}</strong>
                      ) : (
                        <span className="muted">{t('visitors.phone.noName')}</span>
                      )}
                      {q.callbackPhone ? (
                        <div className="num">
                          <PhoneText value={q.callbackPhone} />
                        </div>
                      ) : (
                        <div className="muted">{t('visitors.phone.noNumber')}</div>
                      )}
                    </td>
                    <td>{q.topic || '—'}</td>
                    <td>
                      {q.consultantName ?? '—'}
                      {q.decision && (
                        <div className="muted vis-small">{decisionWords(q.decision, limit)}</div>
                      )}
                      {!q.consultantId && canAssign && (
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() =>
                            void assign.run({ inquiryId: q.id }, () => toast.ok(t('visitors.phone.assign')))
                          }
                        >
                          {t('visitors.phone.assign')}
                        </button>
                      )}
                    </td>
                    <td>
                      {q.calledBackAt ? (
                        <span className="status-ok">
                          {t('visitors.phone.calledBackAt', {
                            time: fmtTime(q.calledBackAt),
                            name: q.calledBackByName ?? '',
                          })}
                        </span>
                      ) : (
                        <>
                          <span className="muted">{t('visitors.phone.notYet')}</span>{' '}
                          {canMark &&
                            q.consultantId !== null &&
                            (me?.role !== 'consultant' || q.consultantId === me.id) && (
                              <button
                                type="button"
                                className="btn btn-small"
                                onClick={() =>
                                  void markCalledBack.run({ inquiryId: q.id }, () =>
                                    toast.ok(t('visitors.phone.done')),
                                  )
                                }
                              >
                                {t('visitors.phone.markCalledBack')}
                              </button>
                            )}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
