/** Appointments (lead ownership): record one (consultant, visitor, phone, date, time, place), list, cancel. */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MANAGERS, PIN_PATTERN, type AppointmentInfo } from '../../../../electron/core/contract';
import { addDays, isValidDate, isValidTime } from '../../../../electron/shared/dates';
import { call } from '../../api';
import { FormError } from '../../components/FormParts';
import { useSubmit } from '../../components/useSubmit';
import { errorText, invalidFields } from '../../errorText';
import { PhoneText } from '../../components/PhoneText';
import { PHONE_MAX, plausiblePhone } from '../../../../electron/shared/phone';
import { clubToday, fmtDate, fmtDateTime } from '../../format';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { loadError, refresh, useOp } from '../../query';
import { useConsultants } from '../../staff';
import { ConfirmDialog } from '../members/ConfirmDialog';
import { ConsultantSelect } from './ConsultantSelect';

export function AppointmentsPanel() {
  const { t } = useTranslation();
  const uid = useId();
  const consultants = useConsultants();
  const me = useSession((s) => s.info?.staff);
  const days = useSession((s) => s.settings?.leadOwnershipDays ?? 3);
  const canCreate = useCan('appointments.create');
  const canCancel = useCan('appointments.cancel');
  const self = me?.role === 'consultant';
  // Someone at the desk records it for a consultant, who confirms it with their PIN (the
  // appointment makes the lead theirs); managers record it without.
  const needPin = !self && !(me && MANAGERS.includes(me.role));
  const today = clubToday();
  const listQuery = useOp('appointments.list', { from: addDays(today, -7), to: addDays(today, 31) });
  const list = listQuery.data ?? null;
  const [f, setF] = useState({
    who: '' as number | '',
    name: '',
    phone: '',
    date: clubToday(),
    time: '',
    place: t('visitors.appt.placeDefault'),
    note: '',
    pin: '',
  });
  const [errs, setErrs] = useState<Record<string, boolean>>({});
  const { busy, error: submitError, setError, run } = useSubmit();
  const error = submitError ?? loadError(listQuery);
  const [cancel, setCancel] = useState<AppointmentInfo | null>(null);
  const load = () => void refresh('appointments.list');

  const set = (k: keyof typeof f, v: string | number) => {
    setF((p) => ({ ...p, [k]: v }));
    setErrs((p) => ({ ...p, [k]: false }));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const m = {
      who: !self && f.who === '',
      name: !f.name.trim(),
      phone: !plausiblePhone(f.phone),
      date: !isValidDate(f.date),
      time: f.time !== '' && !isValidTime(f.time),
      place: !f.place.trim(),
      pin: needPin && !PIN_PATTERN.test(f.pin),
    };
    setErrs(m);
    setError(null);
    if (Object.values(m).some(Boolean)) return;
    await run(
      async () => {
        const a = await call('appointments.create', {
          ...(self ? {} : { consultantId: Number(f.who) }),
          ...(needPin ? { consultantPin: f.pin } : {}),
          visitorName: f.name.trim(),
          phone: f.phone.trim(),
          date: f.date,
          ...(f.time ? { time: f.time } : {}),
          place: f.place.trim(),
          ...(f.note.trim() ? { note: f.note.trim() } : {}),
        });
        toast.ok(t('visitors.appt.saved', { name: a.visitorName, date: fmtDate(a.date) }));
        setF((p) => ({ ...p, name: '', phone: '', time: '', note: '', pin: '' }));
        load();
      },
      (e) => {
        // The core decides what a phone number is: a number it refuses is marked at the field.
        if (invalidFields(e).includes('phone')) {
          setErrs((x) => ({ ...x, phone: true }));
          return null;
        }
        setF((p) => ({ ...p, pin: '' }));
        return errorText(e);
      },
    );
  };

  const field = (k: 'name' | 'phone' | 'date' | 'time' | 'place' | 'note', label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${uid}-${k}`}>{label}</label>
      <input
        id={`${uid}-${k}`}
        type={type}
        maxLength={k === 'place' ? 200 : k === 'note' ? 500 : k === 'phone' ? PHONE_MAX : 100}
        {...(k === 'phone' ? { inputMode: 'tel' as const } : {})}
        value={f[k]}
        aria-invalid={errs[k] || undefined}
        onChange={(e) => set(k, e.target.value)}
      />
      {errs[k] && k !== 'note' && (
        <div className="field-error">{t(`visitors.appt.error.${k === 'name' ? 'visitorName' : k}`)}</div>
      )}
    </div>
  );

  return (
    <div className="vis-split">
      {canCreate && (
        <form
          className="card vis-side-form"
          onSubmit={(ev) => void submit(ev)}
          noValidate
          aria-label={t('visitors.appt.title')}
        >
          <h3>{t('visitors.appt.title')}</h3>
          {!self && (
            <ConsultantSelect
              id={`${uid}-who`}
              label={t('visitors.appt.consultant')}
              value={f.who}
              onChange={(v) => set('who', v)}
              consultants={consultants}
              missing={errs.who ? t('visitors.appt.error.consultant') : null}
            />
          )}
          {field('name', t('visitors.appt.visitorName'))}
          {field('phone', t('visitors.appt.phone'))}
          <div className="grid-2">
            {field('date', t('visitors.appt.date'), 'date')}
            {field('time', t('visitors.appt.time'), 'time')}
          </div>
          {field('place', t('visitors.appt.place'))}
          {field('note', t('visitors.appt.note'))}
          {needPin && (
            <div className="field">
              <label htmlFor={`${uid}-pin`}>
                {f.who === ''
                  ? t('visitors.appt.pinAny')
                  : t('visitors.appt.pin', { name: consultants.find((c) => c.id === f.who)?.name ?? '' })}
              </label>
              <input
                id={`${uid}-pin`}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                maxLength={8}
                value={f.pin}
                aria-invalid={errs.pin || undefined}
                onChange={(e) => set('pin', e.target.value)}
              />
              {errs.pin && <div className="field-error">{t('visitors.appt.error.pin')}</div>}
            </div>
          )}
          <p className="field-hint">{t('visitors.appt.ownership', { days })}</p>
          <FormError error={error} as="p" />
          <div className="sticky-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t('visitors.appt.submit')}
            </button>
          </div>
        </form>
      )}
      <section className="vis-side-list">
        <h3>{t('visitors.appt.listTitle')}</h3>
        {list === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : list.length === 0 ? (
          <p className="empty">{t('visitors.appt.empty')}</p>
        ) : (
          <div className="vis-table-wrap">
            <table className="table vis-table">
              <thead>
                <tr>
                  <th>{t('visitors.appt.date')}</th>
                  <th>{t('visitors.appt.visitorName')}</th>
                  <th>{t('visitors.appt.consultant')}</th>
                  <th>{t('visitors.appt.place')}</th>
                  <th>{t('visitors.appt.fixedAt')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.map((a) => (
                  <tr key={a.id} className={a.cancelledAt ? 'vis-row-muted' : undefined}>
                    <td className="vis-num">
                      {fmtDate(a.date)} {a.time ?? ''}
                    </td>
                    <td>
                      <strong>{a.visitorName}</strong>
                      <div className="num">
                        <PhoneText value={a.phone} />
                      </div>
                    </td>
                    <td>{a.consultantName}</td>
                    <td>{a.place}</td>
                    <td className="vis-num">{fmtDateTime(a.fixedAt)}</td>
                    <td>
                      {a.cancelledAt ? (
                        <span className="badge badge-muted">{t('visitors.appt.cancelled')}</span>
                      ) : (
                        canCancel &&
                        (!self || a.consultantId === me?.id) && (
                          <button
                            type="button"
                            className="btn btn-small btn-ghost"
                            onClick={() => setCancel(a)}
                          >
                            {t('visitors.appt.cancel')}
                          </button>
                        )
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {cancel && (
        <ConfirmDialog
          title={t('visitors.appt.cancel')}
          confirmLabel={t('visitors.appt.cancel')}
          danger
          onClose={() => setCancel(null)}
          onConfirm={async () => {
            await call('appointments.cancel', { id: cancel.id });
            toast.ok(t('visitors.appt.cancelDone'));
            setCancel(null);
            load();
          }}
        >
          <p>{t('visitors.appt.confirmCancel', { name: cancel.visitorName, date: fmtDate(cancel.date) })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
