// The renderer's entry: choose the host, open the example project, render the workbench.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import welcome from '../../assets/examples/welcome.json';
import { projectSchema } from '../../core/project/schema';
import { chooseHost } from './host';
import { createProjectStore } from './state/project-store';
import { HostContext, StoreContext } from './state/app-context';
import { Workbench } from './workbench/Workbench';
import './styles/theme.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  try {
    const host = await chooseHost();
    const store = createProjectStore(projectSchema.parse(welcome));
    root.render(
      <StrictMode>
        <HostContext.Provider value={host}>
          <StoreContext.Provider value={store}>
            <Workbench />
          </StoreContext.Provider>
        </HostContext.Provider>
      </StrictMode>,
    );
  } catch (error) {
    root.render(
      <div className="startup-error" role="alert">
        <h1>Rankscope could not start</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
      </div>,
    );
  }
}

void start();
