/** Reception's view of an incident: what happened and who, follow-ups, attachments (no medical details). */
import { useTranslation } from 'react-i18next';
import type { IncidentDeskView } from '../../../../../electron/core/contract';
import { fmtDateTime } from '../../../format';
import { useSession } from '../../../stores/session';
import { Attachments } from '../Attachments';
import { FollowUpList } from './FollowUps';

export function DeskDetail(props: { v: IncidentDeskView; reload(): void }) {
  const { t } = useTranslation();
  const me = useSession((s) => s.info?.staff.id);
  const v = props.v;
  return (
    <div className="inc-detail-grid">
      <section className="card inc-section" aria-labelledby="inc-desk-h">
        <h2 id="inc-desk-h">{t('incidents.sections.what')}</h2>
        <dl className="kv">
          <dt>{t('incidents.fields.occurredAt')}</dt>
          <dd>{fmtDateTime(v.occurredAt)}</dd>
          <dt>{t('incidents.fields.place')}</dt>
          <dd>{v.place}</dd>
          <dt>{t('incidents.fields.kind')}</dt>
          <dd>{t(`incidents.kinds.${v.kind}`)}</dd>
          <dt>{t('incidents.fields.what')}</dt>
          <dd className="inc-pre">{v.what}</dd>
          <dt>{t('incidents.col.person')}</dt>
          <dd>{v.person ? `${v.person.cardNo ?? ''} ${v.person.name ?? ''}`.trim() : '—'}</dd>
          <dt>{t('incidents.openedBy')}</dt>
          <dd>
            {v.openedBy.name} · {fmtDateTime(v.openedAt)}
          </dd>
        </dl>
        <p className="muted">{t('incidents.desk.privacy')}</p>
      </section>
      <section className="card inc-section" aria-labelledby="inc-desk-fu">
        <h2 id="inc-desk-fu">{t('incidents.sections.followUps')}</h2>
        <FollowUpList
          items={v.followUps}
          full={false}
          closed={v.status === 'closed'}
          me={me}
          onDone={props.reload}
        />
      </section>
      <section className="card inc-section wide" aria-labelledby="inc-desk-att">
        <h2 id="inc-desk-att">{t('incidents.sections.attachments')}</h2>
        <Attachments
          incidentId={v.id}
          items={v.attachments}
          canAttach={v.status !== 'closed' && v.openedBy.id === me}
          onAdded={props.reload}
        />
      </section>
    </div>
  );
}
