// The status bar: which host runs the computations and how many cores it has, and the web
// host's connection state when it drops.
import { useEffect, useState } from 'react';
import type { HostInfo } from '../../../core/protocol/host-api';
import { useHost, useProject } from '../state/app-context';

const hostNames = { electron: 'Electron host', web: 'Web host', memory: 'In-page host' } as const;

export function StatusBar() {
  const { host, kind, web } = useHost();
  const [info, setInfo] = useState<HostInfo | null>(null);
  const [infoError, setInfoError] = useState<string | null>(null);
  const [connection, setConnection] = useState<string | null>(null);
  const canUndo = useProject((state) => state.past.length > 0);
  const lastChange = useProject((state) => state.past[state.past.length - 1]?.label);

  useEffect(() => {
    let live = true;
    host.info().then(
      (received) => live && setInfo(received),
      (error: unknown) =>
        live && setInfoError(error instanceof Error ? error.message : String(error)),
    );
    return () => {
      live = false;
    };
  }, [host]);

  useEffect(() => {
    if (!web) return;
    return web.onConnectionChange((state, message) => {
      setConnection(state === 'closed' ? message : null);
      if (state === 'open') {
        web.info().then(setInfo, () => undefined);
      }
    });
  }, [web]);

  return (
    <footer className="statusbar">
      <span className="status-item" data-testid="host-kind">
        <span className={connection ? 'status-dot offline' : 'status-dot'} aria-hidden="true" />
        {hostNames[kind]}
      </span>
      {info ? (
        <span className="status-item" data-testid="host-cores">
          {info.cores} {info.cores === 1 ? 'core' : 'cores'}
          {info.workers > 0
            ? ` · ${info.workers} ${info.workers === 1 ? 'worker' : 'workers'}`
            : ''}
        </span>
      ) : null}
      {info?.version ? <span className="status-item muted">v{info.version}</span> : null}
      {connection || infoError ? (
        <span className="status-item status-warning" role="alert">
          {connection ?? infoError}
        </span>
      ) : null}
      <span className="status-spacer" />
      {canUndo && lastChange ? (
        <span className="status-item muted">Last change: {lastChange}</span>
      ) : null}
    </footer>
  );
}
