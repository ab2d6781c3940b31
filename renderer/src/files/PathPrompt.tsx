// The web host's path prompt: the person types a path inside the folder the host serves (shown
// as the root), the host resolves it to a handle (refusing paths outside the root with a
// sentence, shown here), and a save over a file this run has not opened asks first, here in the
// page. Folders that do not exist yet are created inside the root on saving; the hint says so.
import { useCallback, useState, type ReactNode } from 'react';
import type { FilePurpose, HandleInfo } from '../../../core/protocol/files';
import type { HostApi } from '../../../core/protocol/host-api';

export interface PathRequest {
  title: string;
  purpose: FilePurpose;
  mode: 'open' | 'save' | 'folder';
  /** A path relative to the root. */
  suggestion: string;
  /** A button beside Open that uploads a file from this browser instead (Import). */
  upload?: { label: string; run(): void };
}

interface PromptState extends PathRequest {
  value: string;
  error: string | null;
  busy: boolean;
  /** Save over an existing file: the handle waiting for the person's yes. */
  replacing: { file: HandleInfo; shown: string } | null;
  createsFolders: string[];
  resolve(file: HandleInfo | null): void;
}

/** A project saved without its extension gets it. */
export function withExtension(
  path: string,
  request: Pick<PathRequest, 'purpose' | 'mode'>,
): string {
  return request.purpose === 'project' && request.mode === 'save' && !/\.rankscope$/i.test(path)
    ? `${path}.rankscope`
    : path;
}

export function usePathPrompt(
  host: Pick<HostApi, 'resolvePath'>,
  root: string | undefined,
): { element: ReactNode; choose(request: PathRequest): Promise<HandleInfo | null> } {
  const [state, setState] = useState<PromptState | null>(null);

  const choose = useCallback(
    (request: PathRequest) =>
      new Promise<HandleInfo | null>((resolve) =>
        setState({
          ...request,
          value: request.suggestion,
          error: null,
          busy: false,
          replacing: null,
          createsFolders: [],
          resolve,
        }),
      ),
    [],
  );

  const finish = (file: HandleInfo | null) => {
    state?.resolve(file);
    setState(null);
  };

  const submit = async () => {
    if (!state || state.busy) return;
    const typed = state.value.trim();
    if (typed === '')
      return setState({
        ...state,
        error: state.mode === 'folder' ? 'Type the path of a folder.' : 'Type the path of a file.',
      });
    const path = withExtension(typed, state);
    setState({ ...state, busy: true, error: null });
    try {
      const resolved = await host.resolvePath({ path, mode: state.mode, purpose: state.purpose });
      if (resolved.overwrites) {
        setState({
          ...state,
          value: path,
          busy: false,
          replacing: { file: resolved.file, shown: resolved.file.shownPath ?? resolved.file.name },
          createsFolders: resolved.createsFolders,
        });
        return;
      }
      finish(resolved.file);
    } catch (error) {
      setState({ ...state, value: path, busy: false, error: (error as Error).message });
    }
  };

  const element = state ? (
    <div className="file-dialog-backdrop">
      <form
        className="file-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={state.title}
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') finish(null);
        }}
      >
        <h2>{state.title}</h2>
        {state.replacing ? (
          <div className="file-replace" role="alertdialog" aria-label="Replace file">
            <p>
              <strong>{state.replacing.shown}</strong> already exists in {root ?? 'this folder'} and
              was not opened in this session. Saving replaces it.
            </p>
            <div className="file-dialog-actions">
              <button
                type="button"
                className="file-button"
                autoFocus
                onClick={() => setState({ ...state, replacing: null })}
              >
                Choose another name
              </button>
              <button
                type="button"
                className="file-button danger"
                onClick={() => finish(state.replacing!.file)}
              >
                Replace
              </button>
            </div>
          </div>
        ) : (
          <>
            <label className="file-path-label">
              Path inside {root ?? 'the served folder'}
              <input
                autoFocus
                type="text"
                aria-label="File path"
                spellCheck={false}
                value={state.value}
                aria-invalid={state.error ? true : undefined}
                onChange={(event) => setState({ ...state, value: event.target.value, error: null })}
              />
            </label>
            {state.error ? (
              <p className="file-dialog-error" role="alert">
                {state.error}
              </p>
            ) : null}
            <p className="file-dialog-hint">
              {state.mode === 'save'
                ? 'Relative to that folder. Folders that do not exist yet are created inside it; the file is written atomically.'
                : state.mode === 'folder'
                  ? 'A folder, relative to that folder (. is the folder itself).'
                  : state.purpose === 'project'
                    ? 'A .rankscope project, relative to that folder.'
                    : state.purpose === 'weights'
                      ? 'A checkpoint (.safetensors, its *.index.json, .gguf, .pt/.bin, .onnx, .npy/.npz), relative to that folder.'
                      : state.purpose === 'report'
                        ? 'A weight report (.jsonl) that Rankscope wrote, relative to that folder.'
                        : 'A matrix file (.csv, .tsv, .txt, .mtx, .npy, .safetensors), relative to that folder.'}
            </p>
            <div className="file-dialog-actions">
              {state.upload ? (
                <button
                  type="button"
                  className="file-button"
                  onClick={() => {
                    finish(null);
                    state.upload!.run();
                  }}
                >
                  {state.upload.label}
                </button>
              ) : null}
              <span className="spacer" />
              <button type="button" className="file-button" onClick={() => finish(null)}>
                Cancel
              </button>
              <button type="submit" className="file-button primary" disabled={state.busy}>
                {state.mode === 'save' ? 'Save' : 'Open'}
              </button>
            </div>
          </>
        )}
      </form>
    </div>
  ) : null;

  return { element, choose };
}
