/**
 * The only bridge between the sandboxed renderer and the main process: one invoke channel carrying the
 * contract (validated in main) and one event channel for menu commands. No Node, no ipcRenderer leak.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_INVOKE, IPC_MENU, type Bridge, type MenuCommand } from '../shared/bridge';

const bridge: Bridge = {
  invoke: (method, payload) => ipcRenderer.invoke(IPC_INVOKE, String(method), payload),
  onMenuCommand: (listener) => {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(IPC_MENU, wrapped);
    return () => ipcRenderer.off(IPC_MENU, wrapped);
  },
};

contextBridge.exposeInMainWorld('claimdesk', bridge);
