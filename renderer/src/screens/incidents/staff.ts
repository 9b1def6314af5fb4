/** The club's staff (names for the "who" fields of an incident), loaded once per screen. */
import { useEffect, useState } from 'react';
import type { LoginStaff } from '../../../../electron/core/contract';
import { call } from '../../api';

export function useStaffList(): LoginStaff[] {
  const [staff, setStaff] = useState<LoginStaff[]>([]);
  useEffect(() => {
    let live = true;
    call('session.staffList', {})
      .then((s) => live && setStaff(s))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return staff;
}
