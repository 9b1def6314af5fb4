/**
 * The club network's management at the host: turn it on (a manager), show a pairing code, confirm a
 * station with a manager's PIN or refuse it, choose what screens it may open, revoke it at once. The
 * stations' own side (asking to pair with a code, calling with their credential) is the club
 * network transport's (electron/server/lan.ts), through ./pairing.ts.
 */
import { z } from 'zod';
import { command, out, query } from '../../kernel/op';
import { DESK, MANAGERS } from '../../kernel/roles';
import { Authorization, Empty, Id } from '../../contract/common';
import {
  type DeviceInfo,
  type NetworkStatus,
  type PairingCode,
  STANDBY_MINUTES_MAX,
  type StandbyAge,
  type StandbyInfo,
  STATION_SCREENS,
} from './types';

export * from './types';

const Screens = z
  .array(z.enum(STATION_SCREENS))
  .min(1)
  .max(STATION_SCREENS.length)
  .refine((s) => new Set(s).size === s.length, 'unique');

export const networkContract = {
  /** Whether it is on, the host's fingerprint, the open code's end, the stations. */
  'network.status': query({ input: Empty, output: out<NetworkStatus>(), access: DESK }),
  'network.setEnabled': command({
    input: z.object({ enabled: z.boolean() }).strict(),
    output: out<NetworkStatus>(),
    access: MANAGERS,
  }),
  /** A new six-digit code, valid two minutes and once (an open one ends). */
  'network.startPairing': command({ input: Empty, output: out<PairingCode>(), access: DESK }),
  /** A station that asked with the code is paired: a manager's PIN on the spot. */
  'network.confirm': command({
    input: z.object({ deviceId: Id, screens: Screens, authorization: Authorization }).strict(),
    output: out<DeviceInfo>(),
    access: DESK,
  }),
  'network.refuse': command({
    input: z.object({ deviceId: Id }).strict(),
    output: out<DeviceInfo>(),
    access: DESK,
  }),
  'network.setScreens': command({
    input: z.object({ deviceId: Id, screens: Screens }).strict(),
    output: out<DeviceInfo>(),
    access: MANAGERS,
  }),
  /** At once: its credential stops working and its sessions end. */
  'network.revoke': command({
    input: z.object({ deviceId: Id }).strict(),
    output: out<DeviceInfo>(),
    access: MANAGERS,
  }),
  /** Marks an active station as the standby (a manager's PIN on the spot); null: none any more. */
  'network.setStandby': command({
    input: z.object({ deviceId: Id.nullable(), authorization: Authorization }).strict(),
    output: out<StandbyInfo | null>(),
    access: MANAGERS,
  }),
  /** How often the standby takes a copy. */
  'network.setStandbyMinutes': command({
    input: z.object({ minutes: z.number().int().min(1).max(STANDBY_MINUTES_MAX) }).strict(),
    output: out<StandbyInfo | null>(),
    access: MANAGERS,
  }),
  /** How old the newest verified standby copy is: every station shows it. */
  'network.standbyAge': query({ input: Empty, output: out<StandbyAge>(), access: 'staff' }),
} as const;
