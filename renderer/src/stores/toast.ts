import { create } from 'zustand';

export type ToastKind = 'ok' | 'error' | 'info' | 'warn';
export interface ToastItem {
  id: number;
  kind: ToastKind;
  text: string;
}

interface ToastState {
  items: ToastItem[];
  push(kind: ToastKind, text: string): void;
  dismiss(id: number): void;
}

let seq = 0;

/** Short messages at the corner of the screen (errors stay until dismissed). */
export const useToast = create<ToastState>((set, get) => ({
  items: [],
  push(kind, text) {
    const id = ++seq;
    set({ items: [...get().items.slice(-4), { id, kind, text }] });
    if (kind !== 'error') setTimeout(() => get().dismiss(id), 4000);
  },
  dismiss(id) {
    set({ items: get().items.filter((t) => t.id !== id) });
  },
}));

export const toast = {
  ok: (text: string) => useToast.getState().push('ok', text),
  error: (text: string) => useToast.getState().push('error', text),
  info: (text: string) => useToast.getState().push('info', text),
  warn: (text: string) => useToast.getState().push('warn', text),
};
