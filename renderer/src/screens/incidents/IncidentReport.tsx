/**
 * The written report of an incident (domain.md: card number, name, gender, age, what happened, how
 * badly hurt, examination costs, the club's handling, what the member asks for — and the steps
 * taken), laid out as one clean A4 page with signature lines. Print: Electron's print channel or the
 * browser's window.print().
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../errorText';
import { fmtDate, fmtDateTime, fmtMoney } from '../../format';
import { loadError, useOp } from '../../query';
import { toast } from '../../stores/toast';

function Row(props: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={props.wide ? 'ir-cell wide' : 'ir-cell'}>
      <div className="ir-label">{props.label}</div>
      <div className="ir-value">{props.children}</div>
    </div>
  );
}

export function IncidentReport(props: { id: number; onBack(): void }) {
  const { t } = useTranslation();
  // a printable page: loaded once (reading it records who looked)
  const report = useOp('incidents.report', { id: props.id }, { live: false });
  const r = report.data ?? null;
  const error = loadError(report);

  const print = async () => {
    const title = t('incidents.report.printTitle', { club: r?.clubName ?? '', id: props.id });
    const bridge = window.frontDesk;
    if (bridge?.print) {
      try {
        await bridge.print({ pdf: false, title });
      } catch (e) {
        toast.error(errorText(e));
      }
    } else {
      window.print();
    }
  };

  const v = r?.incident;
  const dash = <span className="ir-empty">—</span>;
  const text = (s: string | null | undefined) => (s ? <span className="inc-pre">{s}</span> : dash);
  const when = (iso: string | null | undefined) => (iso ? fmtDateTime(iso) : dash);
  const cents = (c: number | null | undefined) => (c == null ? dash : fmtMoney(c));
  const who = (name: string | null | undefined, at: string | null | undefined) =>
    name || at ? (
      <>
        {name ?? ''}
        {name && at ? ' · ' : ''}
        {at ? fmtDateTime(at) : ''}
      </>
    ) : (
      dash
    );

  return (
    <div className="page increport-page">
      <div className="page-header no-print">
        <button type="button" className="btn" onClick={props.onBack}>
          ← {t('incidents.report.back')}
        </button>
        <h1>{t('incidents.report.title')}</h1>
        <span className="spacer" />
        <button type="button" className="btn btn-primary btn-big" disabled={!r} onClick={() => void print()}>
          {t('incidents.report.print')}
        </button>
      </div>
      {error && (
        <div className="field-error no-print" role="alert">
          {error}
        </div>
      )}
      {!r && !error && <p className="muted">{t('common.loading')}</p>}
      {r && v && (
        <article className="ir-sheet" aria-label={t('incidents.report.title')}>
          <header className="ir-head">
            <div className="ir-club">{r.clubName}</div>
            <h2 className="ir-title">{t('incidents.report.title')}</h2>
            <div className="ir-meta">
              <span>{t('incidents.report.no', { id: v.id })}</span>
              <span>
                {t('incidents.col.status')}: {t(`incidents.status.${v.status}`)}
                {v.closedAt ? ` · ${fmtDateTime(v.closedAt)}` : ''}
              </span>
              <span>
                {t('incidents.report.generated', { at: fmtDateTime(r.generatedAt), by: r.generatedBy.name })}
              </span>
            </div>
          </header>
          {!r.complete && (
            <div className="ir-draft" role="note">
              {t('incidents.report.draft', {
                fields: r.missing.map((f) => t(`incidents.reportFields.${f}`)).join(t('incidents.listSep')),
              })}
            </div>
          )}

          <h3 className="ir-h">{t('incidents.report.person')}</h3>
          <div className="ir-grid four">
            <Row label={t('incidents.fields.cardNo')}>{v.person?.cardNo ?? dash}</Row>
            <Row label={t('incidents.fields.memberName')}>{v.person?.name ?? dash}</Row>
            <Row label={t('incidents.fields.memberGender')}>
              {v.person?.gender ? t(`common.${v.person.gender}`) : dash}
            </Row>
            <Row label={t('incidents.fields.memberAge')}>{v.person?.age ?? dash}</Row>
          </div>

          <h3 className="ir-h">{t('incidents.report.incident')}</h3>
          <div className="ir-grid four">
            <Row label={t('incidents.fields.occurredAt')}>{fmtDateTime(v.occurredAt)}</Row>
            <Row label={t('incidents.fields.place')}>{v.place}</Row>
            <Row label={t('incidents.fields.kind')}>{t(`incidents.kinds.${v.kind}`)}</Row>
            <Row label={t('incidents.fields.severity')}>
              {v.severity ? t(`incidents.severities.${v.severity}`) : dash}
            </Row>
            <Row label={t('incidents.fields.what')} wide>
              {text(v.what)}
            </Row>
            <Row label={t('incidents.fields.harm')} wide>
              {text(v.harm)}
            </Row>
          </div>

          <h3 className="ir-h">{t('incidents.report.steps')}</h3>
          <div className="ir-grid two">
            <Row label={t('incidents.fields.csManager')}>{who(v.csManager?.name, v.csManagerToldAt)}</Row>
            <Row label={t('incidents.fields.dutyCoach')}>{who(v.dutyCoach, v.dutyCoachToldAt)}</Row>
            <Row label={t('incidents.fields.firstAidBy')}>{text(v.firstAidBy)}</Row>
            <Row label={t('incidents.fields.firstAid')}>{text(v.firstAid)}</Row>
            <Row label={t('incidents.fields.statementTakenBy')}>{v.statementTakenBy?.name ?? dash}</Row>
            <Row label={t('incidents.fields.statementSignedAt')}>{when(v.statementSignedAt)}</Row>
            {(v.memberConsultant || v.consultantToldAt) && (
              <Row label={t('incidents.consultantIs', { name: v.memberConsultant?.name ?? '—' })} wide>
                {who(v.consultantToldBy?.name, v.consultantToldAt)}
              </Row>
            )}
          </div>

          <h3 className="ir-h">{t('incidents.report.hospital')}</h3>
          {v.hospital ? (
            <div className="ir-grid two">
              <Row label={t('incidents.fields.hospitalName')}>{text(v.hospitalName)}</Row>
              <Row label={t('incidents.fields.hospitalAccompaniedBy')}>
                {v.hospitalAccompaniedBy?.name ?? dash}
              </Row>
              <Row label={t('incidents.fields.examinationCost')}>{cents(v.examinationCostCents)}</Row>
              <Row label={t('incidents.fields.examConfirmedAt')}>{when(v.examConfirmedAt)}</Row>
              <Row label={t('incidents.fields.examinationResult')} wide>
                {text(v.examinationResult)}
              </Row>
            </div>
          ) : (
            <p className="ir-plain">
              {t('incidents.report.noHospital')}
              {v.noHospitalReason ? ` ${t('incidents.report.why', { reason: v.noHospitalReason })}` : ''}
            </p>
          )}

          <h3 className="ir-h">{t('incidents.report.followUps')}</h3>
          {v.followUps.length === 0 ? (
            <p className="ir-plain">{t('incidents.fu.none')}</p>
          ) : (
            <table className="ir-table">
              <thead>
                <tr>
                  <th scope="col">{t('incidents.fu.kind')}</th>
                  <th scope="col">{t('incidents.fu.due')}</th>
                  <th scope="col">{t('incidents.fu.assigned')}</th>
                  <th scope="col">{t('incidents.fu.state')}</th>
                  <th scope="col">{t('incidents.fu.outcome')}</th>
                </tr>
              </thead>
              <tbody>
                {v.followUps.map((f) => (
                  <tr key={f.id}>
                    <td>{t(`incidents.followUpKinds.${f.kind}`)}</td>
                    <td>{fmtDate(f.dueDate)}</td>
                    <td>{f.assignedTo?.name ?? '—'}</td>
                    <td>
                      {f.doneAt
                        ? t('incidents.report.doneOn', {
                            at: fmtDateTime(f.doneAt),
                            by: f.doneBy?.name ?? '',
                          })
                        : t(`incidents.followUpState.${f.state}`)}
                    </td>
                    <td>{f.outcome ?? f.note ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}

          <h3 className="ir-h">{t('incidents.report.handling')}</h3>
          <div className="ir-grid two">
            <Row label={t('incidents.fields.memberRequest')} wide>
              {text(v.memberRequest)}
            </Row>
            <Row label={t('incidents.fields.compensationAsked')}>{cents(v.compensationAskedCents)}</Row>
            <Row label={t('incidents.fields.compensationAgreed')}>{cents(v.compensationAgreedCents)}</Row>
            <Row label={t('incidents.fields.handlingOpinion')} wide>
              {text(v.handlingOpinion)}
            </Row>
          </div>

          {v.addenda.length > 0 && (
            <>
              <h3 className="ir-h">{t('incidents.sections.addenda')}</h3>
              <ol className="ir-addenda">
                {v.addenda.map((a) => (
                  <li key={a.id}>
                    <span className="ir-label">
                      {fmtDateTime(a.at)} · {a.by.name}
                    </span>{' '}
                    <span className="inc-pre">{a.text}</span>
                  </li>
                ))}
              </ol>
            </>
          )}

          <div className="ir-signs">
            {(['member', 'staff', 'csManager', 'storeManager'] as const).map((k) => (
              <div key={k} className="ir-sign">
                <div className="ir-sign-line" />
                <div>{t(`incidents.report.sign.${k}`)}</div>
                <div className="ir-sign-date">{t('incidents.report.sign.date')}</div>
              </div>
            ))}
          </div>
        </article>
      )}
    </div>
  );
}
