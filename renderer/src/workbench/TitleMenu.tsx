// A menu in the title bar (Lecture, Help): a button that opens a list of items, closed by Escape,
// by a press outside it, or by choosing an item, as native menus are. What an item opens (a
// dialog, a panel) is passed as children, so it stays mounted after the menu closes.
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { useMenuDismiss } from './use-menu-dismiss';

export interface TitleMenuItem {
  label: string;
  /** The tooltip, with the item's shortcut. */
  title?: string;
  choose(): void;
}

export function TitleMenu({
  label,
  items,
  children,
}: {
  label: string;
  items: readonly TitleMenuItem[];
  children?: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const menuRef = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useMenuDismiss(open, menuRef, close);
  return (
    <div className="title-menu" ref={menuRef}>
      <button
        type="button"
        className="file-button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        {label}
      </button>
      {open ? (
        <div className="title-menu-items" role="menu" aria-label={label}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              title={item.title}
              onClick={() => {
                setOpen(false);
                item.choose();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      ) : null}
      {children}
    </div>
  );
}
