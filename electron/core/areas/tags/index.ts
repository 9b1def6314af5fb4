/**
 * What other areas (the check-in, the bar, the setup and the demo) and the composition in app.ts
 * may use of the key-tags area.
 */
export { getTag, pickTag, seedTags, setTagStatus, tagHandlers } from './handlers';
