/**
 * The members screen: the search, its results and which member is shown in detail (the detail
 * itself is the query `members.get`).
 */
import { create } from 'zustand';
import { call } from '../api';
import type { MemberDetail, MemberSummary } from '../../../electron/core/contract';
import { setOpData } from '../query';

interface MembersState {
  query: string;
  /** Results of the last finished search, with the text they are for. */
  results: { q: string; rows: MemberSummary[] } | null;
  searching: boolean;
  searchError: unknown;
  selectedId: number | null;
  setQuery(q: string): void;
  search(q: string): Promise<MemberSummary[]>;
  select(id: number | null): void;
  /** After a change: the new detail, and the same row in the results updated. */
  setDetail(d: MemberDetail): void;
}

export const SEARCH_LIMIT = 50;
let seq = 0;

export const useMembers = create<MembersState>((set, get) => ({
  query: '',
  results: null,
  searching: false,
  searchError: null,
  selectedId: null,

  setQuery(query) {
    set({ query });
  },

  async search(q) {
    const my = ++seq;
    const text = q.trim();
    if (!text) {
      set({ results: null, searching: false, searchError: null });
      return [];
    }
    set({ searching: true });
    try {
      const rows = await call('members.search', { q: text, limit: SEARCH_LIMIT });
      if (my === seq) set({ results: { q: text, rows }, searchError: null });
      return rows;
    } catch (e) {
      if (my === seq) set({ searchError: e });
      return [];
    } finally {
      if (my === seq) set({ searching: false });
    }
  },

  select(id) {
    set({ selectedId: id });
  },

  setDetail(d) {
    const r = get().results;
    const summary = summaryOf(d);
    setOpData('members.get', { id: d.id }, d);
    set({
      selectedId: d.id,
      results: r
        ? {
            ...r,
            rows: r.rows.some((x) => x.id === d.id)
              ? r.rows.map((x) => (x.id === d.id ? summary : x))
              : [summary, ...r.rows],
          }
        : { q: get().query.trim(), rows: [summary] },
    });
  },
}));

/** A member's row in the search results, from their detail. */
export function summaryOf(d: MemberDetail): MemberSummary {
  return {
    id: d.id,
    cardNo: d.cardNo,
    name: d.name,
    gender: d.gender,
    phone: d.phone,
    cardTypeName: d.cardTypeName,
    cardKind: d.cardKind,
    expiryDate: d.expiryDate,
    visitsLeft: d.visitsLeft,
    state: d.state,
    inside: d.inside,
    hasPhoto: d.hasPhoto,
  };
}
