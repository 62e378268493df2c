/**
 * The only bridge between the sandboxed renderer and the main process: one invoke channel carrying the
 * contract (validated in main), one event channel for menu commands, and the page's own zoom (webFrame, one
 * of the modules a sandboxed preload has). No Node, no ipcRenderer leak.
 */
import { contextBridge, ipcRenderer, webFrame, type IpcRendererEvent } from 'electron';
import { IPC_INVOKE, IPC_MENU, IPC_THEME, type Bridge, type MenuCommand } from '../shared/bridge';

const bridge: Bridge = {
  invoke: (method, payload) => ipcRenderer.invoke(IPC_INVOKE, String(method), payload),
  onMenuCommand: (listener) => {
    const wrapped = (_event: IpcRendererEvent, command: MenuCommand) => listener(command);
    ipcRenderer.on(IPC_MENU, wrapped);
    return () => ipcRenderer.off(IPC_MENU, wrapped);
  },
  // Electron's zoomIn/zoomOut roles move the zoom level by 0.5 between -3 and 3 (about 58 % to 173 %): the same here.
  zoom: (action) => webFrame.setZoomLevel(action === 'reset' ? 0 : Math.max(-3, Math.min(3, webFrame.getZoomLevel() + (action === 'in' ? 0.5 : -0.5)))),
  setNativeTheme: (choice) => ipcRenderer.send(IPC_THEME, String(choice)),
};

contextBridge.exposeInMainWorld('claimdesk', bridge);
