/** What other areas, the kernel's host (app.ts) and the setup may use of the settings area. */
export { isSetUp, readSettings, settingsHandlers, settingsOf, writeSettings } from './handlers';
export { DEFAULT_SETTINGS } from './types';
