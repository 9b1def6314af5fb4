/** Dated addenda to a closed (or open) incident: the list and adding one. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentFullView } from '../../../../../electron/core/contract';
import { call } from '../../../api';
import { errorText } from '../../../errorText';
import { fmtDateTime } from '../../../format';
import { toast } from '../../../stores/toast';

export function Addenda(props: { view: IncidentFullView; onAdded(v: IncidentFullView): void }) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    if (!text.trim()) {
      setError(t('incidents.addenda.needText'));
      return;
    }
    setError(null);
    try {
      props.onAdded(await call('incidents.addAddendum', { id: props.view.id, text: text.trim() }));
      setText('');
      toast.ok(t('incidents.addenda.addedToast'));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div>
      {props.view.addenda.length === 0 ? (
        <p className="muted">{t('incidents.addenda.none')}</p>
      ) : (
        <ol className="inc-addenda">
          {props.view.addenda.map((a) => (
            <li key={a.id}>
              <span className="muted">
                {fmtDateTime(a.at)} · {a.by.name}
              </span>
              <p className="inc-pre">{a.text}</p>
            </li>
          ))}
        </ol>
      )}
      <div className="field">
        <label htmlFor={`${uid}-t`}>{t('incidents.addenda.text')}</label>
        <textarea
          id={`${uid}-t`}
          rows={2}
          maxLength={5000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      {error && (
        <div className="field-error" role="alert">
          {error}
        </div>
      )}
      <button type="button" className="btn" onClick={() => void add()}>
        {t('incidents.addenda.add')}
      </button>
    </div>
  );
}
