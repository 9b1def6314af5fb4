/**
 * The preload (sandboxed, context-isolated): exposes exactly one function per contract operation
 * and a print function as window.frontDesk. Nothing generic: the page never sees ipcRenderer, a
 * channel name or an event object. esbuild bundles this file with everything but 'electron' in it,
 * since a sandboxed preload can require only 'electron'.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { OP_NAMES } from '../core/contract';

const ops = Object.fromEntries(
  OP_NAMES.map((op) => [op, (args: unknown) => ipcRenderer.invoke('fd:call', op, args)]),
);

contextBridge.exposeInMainWorld('frontDesk', {
  ops,
  print: (options: { pdf: boolean; title: string }) => ipcRenderer.invoke('fd:print', options),
});
