// A modal dialog (keyboard shortcuts, worksheet, recent projects): the platform's <dialog>, so
// focus is trapped and Escape closes it; a heading with a Close button; a click on the backdrop
// closes it too. Mounted open; onClose runs however it closes.
import { useEffect, useRef, type ReactNode } from 'react';
import './modal-dialog.css';

export function ModalDialog({
  title,
  className,
  onClose,
  children,
}: {
  title: string;
  className?: string;
  onClose(): void;
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={dialogRef}
      className={className ? `modal-dialog ${className}` : 'modal-dialog'}
      aria-label={title}
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === dialogRef.current) dialogRef.current?.close();
      }}
    >
      <div className="modal-dialog-body">
        <div className="panel-header">
          <h2>{title}</h2>
          <button type="button" className="button-small" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
