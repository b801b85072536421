// Runs in: preload (sandboxed, bundled to CJS). Exposes window.dateline and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './create-bridge';

contextBridge.exposeInMainWorld('dateline', createBridge(ipcRenderer));
