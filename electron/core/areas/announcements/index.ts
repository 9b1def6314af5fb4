/** What other areas (and the composition in app.ts) may use of the announcements area. */
export { announcementsHandlers, missedAnnouncements } from './handlers';
