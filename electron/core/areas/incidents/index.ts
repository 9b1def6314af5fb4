/** What other areas (and the composition in app.ts) may use of the incidents area. */
export { incidentHandlers, openItems, readAttachment, storeAttachment } from './handlers';
