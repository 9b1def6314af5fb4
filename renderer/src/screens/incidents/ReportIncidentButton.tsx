/** The top bar's "Report an incident" button: the quick form from any screen. */
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useCan } from '../../stores/session';
import { toast } from '../../stores/toast';
import { OpenIncidentDialog } from './OpenIncidentDialog';
import './quick.css';

export function ReportIncidentButton() {
  const { t } = useTranslation();
  const canOpen = useCan('incidents.open');
  const [open, setOpen] = useState(false);
  if (!canOpen) return null;
  return (
    <>
      <button type="button" className="btn topbar-incident" onClick={() => setOpen(true)}>
        <span aria-hidden="true">⚠</span> {t('incidents.reportButton')}
      </button>
      {open &&
        // outside the top bar, so the dialog does not take on its colours
        createPortal(
          <OpenIncidentDialog
            onClose={() => setOpen(false)}
            onDone={(d) => {
              setOpen(false);
              toast.ok(t('incidents.open.done', { id: d.id }));
            }}
          />,
          document.body,
        )}
    </>
  );
}
