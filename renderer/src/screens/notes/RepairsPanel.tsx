/**
 * Losses, damage and repairs (损耗维修): the quick report (what kind, what, where — a place from the
 * club's list or typed —, urgency, an optional photo) and the list, open or all, by urgency. Shift
 * leads and managers take the next step (repair requested → fixed, or written off) with a note and,
 * at the end, the cost; they export the list as CSV. The core decides who may do what.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  REPAIR_KINDS,
  REPAIR_URGENCIES,
  type RepairItem,
  type RepairKind,
  type RepairStep,
  type RepairUrgency,
} from '../../../../electron/core/contract';
import { parseCents } from '../../../../electron/shared/money';
import { newOpId } from '../../api';
import { FormFooter, RadioRow } from '../../components/FormParts';
import { Modal } from '../../components/Modal';
import { useSubmit } from '../../components/useSubmit';
import { errorText } from '../../errorText';
import { fmtDateTime, fmtMoney, moneyRefusal } from '../../format';
import { command, loadError, useOp } from '../../query';
import { useCan, useSession } from '../../stores/session';
import { toast } from '../../stores/toast';
import { csvBlob, downloadBlob, photoToJpeg } from '../members/files';
import { placeLabel, urgencyBadge } from './util';
import { NotesList } from './NotesList';

function ReportForm() {
  const { t } = useTranslation();
  const uid = useId();
  const places = useSession((s) => s.settings?.repairPlaces ?? []);
  const [kind, setKind] = useState<RepairKind>('damage');
  const [what, setWhat] = useState('');
  const [place, setPlace] = useState('');
  const [urgency, setUrgency] = useState<RepairUrgency>('normal');
  const [photo, setPhoto] = useState<File | null>(null);
  const [fileKey, setFileKey] = useState(0);
  const [opId, setOpId] = useState(newOpId);
  const { busy, error, setError, run, tried, setTried } = useSubmit();
  const missing = { what: what.trim() === '', place: place.trim() === '' };

  const report = async () => {
    setTried(true);
    setError(null);
    if (missing.what || missing.place) return;
    // a photo is made small (JPEG, at most 1280 px) before it travels
    let jpeg: string | null = null;
    if (photo) {
      try {
        jpeg = await photoToJpeg(photo, 1280, 0.85);
      } catch {
        return setError(t('notes.repairs.photoUnreadable'));
      }
    }
    await run(async () => {
      await command('repairs.report', {
        kind,
        what: what.trim(),
        place: place.trim(),
        urgency,
        ...(jpeg
          ? { photo: { mime: 'image/jpeg' as const, contentBase64: jpeg.slice(jpeg.indexOf(',') + 1) } }
          : {}),
        opId,
      });
      toast.ok(t('notes.repairs.reported'));
      setWhat('');
      setPlace('');
      setUrgency('normal');
      setPhoto(null);
      setFileKey((k) => k + 1);
      setTried(false);
      setOpId(newOpId());
    });
  };

  return (
    <form
      className="card notes-form"
      aria-labelledby={`${uid}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void report();
      }}
    >
      <h2 id={`${uid}-h`}>{t('notes.repairs.reportTitle')}</h2>
      <div className="grid-2">
        <RadioRow
          legend={t('notes.repairs.kind')}
          name={`${uid}-k`}
          options={REPAIR_KINDS}
          value={kind}
          onChange={(k) => setKind(k)}
          label={(k) => t(`notes.repairs.kinds.${k}`)}
        />
        <RadioRow
          legend={t('notes.repairs.urgency')}
          name={`${uid}-u`}
          options={REPAIR_URGENCIES}
          value={urgency}
          onChange={(k) => setUrgency(k)}
          label={(k) => t(`notes.repairs.urgencies.${k}`)}
        />
        <div className="field">
          <label htmlFor={`${uid}-w`}>{t('notes.repairs.what')}</label>
          <input
            id={`${uid}-w`}
            value={what}
            maxLength={500}
            placeholder={t('notes.repairs.whatHint')}
            aria-invalid={(tried && missing.what) || undefined}
            onChange={(e) => setWhat(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-p`}>{t('notes.repairs.place')}</label>
          <input
            id={`${uid}-p`}
            list={`${uid}-pl`}
            value={place}
            maxLength={100}
            aria-invalid={(tried && missing.place) || undefined}
            aria-describedby={`${uid}-ph`}
            onChange={(e) => setPlace(e.target.value)}
          />
          <datalist id={`${uid}-pl`}>
            {places.map((p) => (
              <option key={p} value={placeLabel(p)} />
            ))}
          </datalist>
          <span id={`${uid}-ph`} className="field-hint">
            {t('notes.repairs.placeHint')}
          </span>
        </div>
      </div>
      <div className="notes-places" role="group" aria-label={t('notes.repairs.place')}>
        {places.map((p) => (
          <button
            key={p}
            type="button"
            className="btn btn-small"
            aria-pressed={place === placeLabel(p)}
            onClick={() => setPlace(placeLabel(p))}
          >
            {placeLabel(p)}
          </button>
        ))}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-f`}>{t('notes.repairs.photo')}</label>
        <input
          key={fileKey}
          id={`${uid}-f`}
          type="file"
          accept="image/jpeg,image/png,image/webp"
          onChange={(e) => setPhoto(e.target.files?.[0] ?? null)}
        />
      </div>
      <FormFooter error={error} submitLabel={t('notes.repairs.report')} busy={busy} disabled={busy} />
    </form>
  );
}

/** The supervisor's next step on an item: a note, and the cost when fixing or writing off. */
function StepDialog(props: { item: RepairItem; step: RepairStep; onClose(): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [note, setNote] = useState('');
  const [cost, setCost] = useState('');
  const { busy, error, setError, run } = useSubmit();
  const withCost = props.step !== 'requested';
  const save = async () => {
    if (!note.trim()) return setError(t('notes.repairs.noteHint'));
    const costCents = withCost && cost.trim() ? parseCents(cost) : null;
    if (withCost && cost.trim() && costCents === null)
      return setError(moneyRefusal(cost) ?? t('notes.repairs.badCost'));
    await run(async () => {
      await command(
        'repairs.step',
        props.step === 'requested'
          ? { id: props.item.id, to: 'requested', note: note.trim() }
          : {
              id: props.item.id,
              to: props.step,
              note: note.trim(),
              ...(costCents !== null ? { costCents } : {}),
            },
      );
      toast.ok(t('notes.repairs.stepped'));
      props.onClose();
    });
  };
  return (
    <Modal
      title={t('notes.repairs.stepTitle', {
        what: props.item.what,
        step: t(`notes.repairs.steps.${props.step}`),
      })}
      onClose={props.onClose}
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor={`${uid}-n`}>{t('notes.repairs.note')}</label>
          <textarea
            id={`${uid}-n`}
            value={note}
            maxLength={500}
            rows={3}
            placeholder={t('notes.repairs.noteHint')}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {withCost && (
          <div className="field">
            <label htmlFor={`${uid}-c`}>{t('notes.repairs.cost')}</label>
            <input
              id={`${uid}-c`}
              className="money-input"
              inputMode="decimal"
              value={cost}
              onChange={(e) => setCost(e.target.value)}
            />
          </div>
        )}
        <FormFooter
          error={error}
          submitLabel={t('notes.repairs.save')}
          busy={busy}
          disabled={busy}
          onCancel={props.onClose}
        />
      </form>
    </Modal>
  );
}

function PhotoDialog({ id, onClose }: { id: number; onClose(): void }) {
  const { t } = useTranslation();
  const photo = useOp('repairs.photo', { id }, { live: false });
  const error = loadError(photo);
  return (
    <Modal title={t('notes.repairs.photoTitle', { id })} onClose={onClose} wide>
      {error && <p className="field-error">{error}</p>}
      {photo.data && (
        <img className="notes-photo" src={photo.data.dataUrl} alt={t('notes.repairs.photoTitle', { id })} />
      )}
    </Modal>
  );
}

const NEXT_STEPS: Record<RepairItem['status'], readonly RepairStep[]> = {
  reported: ['requested', 'fixed', 'written_off'],
  requested: ['fixed', 'written_off'],
  fixed: [],
  written_off: [],
};

function RepairRow({
  r,
  canStep,
  onStep,
  onPhoto,
}: {
  r: RepairItem;
  canStep: boolean;
  onStep(s: RepairStep): void;
  onPhoto(): void;
}) {
  const { t } = useTranslation();
  const closed = r.status === 'fixed' || r.status === 'written_off';
  return (
    <li className={closed ? 'notes-item notes-done' : 'notes-item'} data-testid="repair">
      <div className="notes-item-head">
        <span className={urgencyBadge(r.urgency)}>{t(`notes.repairs.urgencies.${r.urgency}`)}</span>
        <strong>
          #{r.id} {r.what}
        </strong>
        <span className="muted">
          {placeLabel(r.place)} · {t(`notes.repairs.kinds.${r.kind}`)}
        </span>
        <span className={closed ? 'badge badge-ok' : 'badge badge-warn'}>
          {t(`notes.repairs.status.${r.status}`)}
        </span>
        {r.costCents !== null && <span className="mono">{fmtMoney(r.costCents)}</span>}
      </div>
      <ol className="notes-steps" aria-label={t('notes.repairs.history')}>
        {r.steps.map((s, i) => (
          <li key={i}>
            <span className="notes-step-status">{t(`notes.repairs.status.${s.status}`)}</span>{' '}
            <span className="muted">{t('notes.repairs.by', { name: s.by.name, at: fmtDateTime(s.at) })}</span>
            {s.note && <> — {s.note}</>}
            {s.costCents !== null && <> · {fmtMoney(s.costCents)}</>}
          </li>
        ))}
      </ol>
      {(r.hasPhoto || (canStep && !closed)) && (
        <div className="toolbar">
          {r.hasPhoto && (
            <button type="button" className="btn btn-small" onClick={onPhoto}>
              {t('notes.repairs.showPhoto')}
            </button>
          )}
          {canStep &&
            NEXT_STEPS[r.status].map((s) => (
              <button
                key={s}
                type="button"
                className={s === 'written_off' ? 'btn btn-ghost' : 'btn btn-primary'}
                onClick={() => onStep(s)}
              >
                {t(`notes.repairs.steps.${s}`)}
              </button>
            ))}
        </div>
      )}
    </li>
  );
}

export function RepairsPanel() {
  const { t } = useTranslation();
  const uid = useId();
  const canStep = useCan('repairs.step');
  const canExport = useCan('repairs.exportCsv');
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const [urgency, setUrgency] = useState<RepairUrgency | ''>('');
  const args = { filter, ...(urgency ? { urgency } : {}) };
  const list = useOp('repairs.list', args);
  const error = loadError(list);
  const [step, setStep] = useState<{ item: RepairItem; step: RepairStep } | null>(null);
  const [photoOf, setPhotoOf] = useState<number | null>(null);
  const exportCsv = async () => {
    try {
      const r = await command('repairs.exportCsv', args);
      downloadBlob(csvBlob(r.csv), r.filename);
      toast.ok(t('notes.repairs.exported', { count: r.count }));
    } catch (e) {
      toast.error(errorText(e));
    }
  };
  return (
    <div className="notes-panel">
      <ReportForm />
      <NotesList
        title={t('notes.repairs.listTitle')}
        show={filter}
        onShow={setFilter}
        toolbarClass="notes-toolbar"
        tools={
          <>
            <label htmlFor={`${uid}-u`}>{t('notes.repairs.urgencyFilter')}</label>
            <select
              id={`${uid}-u`}
              className="input"
              value={urgency}
              onChange={(e) => setUrgency(e.target.value as RepairUrgency | '')}
            >
              <option value="">{t('notes.repairs.anyUrgency')}</option>
              {REPAIR_URGENCIES.map((u) => (
                <option key={u} value={u}>
                  {t(`notes.repairs.urgencies.${u}`)}
                </option>
              ))}
            </select>
            {canExport && (
              <button type="button" className="btn" onClick={() => void exportCsv()}>
                {t('notes.repairs.exportCsv')}
              </button>
            )}
          </>
        }
        error={error}
        count={list.data?.length}
        none={t('notes.repairs.none')}
      >
        {list.data?.map((r) => (
          <RepairRow
            key={r.id}
            r={r}
            canStep={canStep}
            onStep={(s) => setStep({ item: r, step: s })}
            onPhoto={() => setPhotoOf(r.id)}
          />
        ))}
      </NotesList>
      {step && <StepDialog item={step.item} step={step.step} onClose={() => setStep(null)} />}
      {photoOf !== null && <PhotoDialog id={photoOf} onClose={() => setPhotoOf(null)} />}
    </div>
  );
}
