/**
 * Settings: this counter (language, data folder), my PIN, and for managers the club settings,
 * shift and handover (default float, checklists), card types and backups. Each tab shows only what
 * the role may do; the core still decides. The tabs are in settings/ (shift and visitors with their
 * screens).
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TabPanel, Tabs } from '../components/Tabs';
import { useCan } from '../stores/session';
import { BackupsTab } from './settings/BackupsTab';
import { CardTypesTab } from './settings/CardTypesTab';
import { ClubTab } from './settings/ClubTab';
import { NetworkTab } from './settings/NetworkTab';
import { ReceiptSection } from './settings/ReceiptSettings';
import { CounterTab, PinTab } from './settings/CounterTab';
import { ShiftSettingsTab } from './shift/ShiftSettingsTab';
import { VisitorSettingsTab } from './visitors/VisitorSettingsTab';

type Tab = 'counter' | 'pin' | 'club' | 'shift' | 'visitors' | 'cardTypes' | 'backups' | 'network';

export default function SettingsScreen() {
  const { t } = useTranslation();
  const uid = useId();
  const canPin = useCan('session.changePin');
  const canClub = useCan('settings.update');
  const canCardTypes = useCan('cardTypes.create');
  const canBackups = useCan('backups.list');
  const canVisitors = useCan('classes.create');
  const canNetwork = useCan('network.status');
  const tabs: Tab[] = ['counter'];
  if (canPin) tabs.push('pin');
  if (canClub) tabs.push('club');
  if (canClub) tabs.push('shift');
  if (canVisitors) tabs.push('visitors');
  if (canCardTypes) tabs.push('cardTypes');
  if (canBackups) tabs.push('backups');
  if (canNetwork) tabs.push('network');
  const [tab, setTab] = useState<Tab>('counter');
  const current = tabs.includes(tab) ? tab : 'counter';

  return (
    <div className="page">
      <div className="page-header">
        <h1>{t('settings.title')}</h1>
      </div>
      <Tabs id={uid} tabs={tabs} current={current} onSelect={setTab} label={t('settings.title')}>
        {(k) => t(`settings.tabs.${k}`)}
      </Tabs>
      <TabPanel id={uid} current={current}>
        {current === 'counter' && (
          <>
            <CounterTab />
            {canClub && <ReceiptSection />}
          </>
        )}
        {current === 'pin' && <PinTab />}
        {current === 'club' && <ClubTab />}
        {current === 'shift' && <ShiftSettingsTab />}
        {current === 'visitors' && <VisitorSettingsTab />}
        {current === 'cardTypes' && <CardTypesTab />}
        {current === 'backups' && <BackupsTab />}
        {current === 'network' && <NetworkTab />}
      </TabPanel>
    </div>
  );
}
