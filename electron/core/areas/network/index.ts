/** What other areas, the composition in app.ts and the club network transport may use. */
export { networkHandlers } from './handlers';
export { ensureIdentity, fingerprintOf, type HostIdentity, writeListening } from './identity';
export {
  authenticateDevice,
  type DeviceAuth,
  deviceSeen,
  deviceStatus,
  PairRequest,
  requestPairing,
} from './pairing';
export { networkEnabled } from './queries';
export { peers, recordCopy, reportVerified, standbyDevice, StandbyReport } from './standby';
export { opAllowedOn } from './types';
export { managerByPin, recordPromotion } from './promotion';
