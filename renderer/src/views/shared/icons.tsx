// Small line icons drawn inline, so no icon font is needed and they follow currentColor.
const common = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.3,
  strokeLinecap: 'round' as const,
  strokeLinejoin: 'round' as const,
};

function Icon({ path, size = 14 }: { path: string; size?: number }) {
  return (
    <svg viewBox="0 0 16 16" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={path} {...common} />
    </svg>
  );
}

export const PlusIcon = () => <Icon path="M8 3.5v9M3.5 8h9" size={12} />;
export const MinusIcon = () => <Icon path="M3.5 8h9" size={12} />;
export const TrashIcon = () => <Icon path="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" />;
export const UndoIcon = () => (
  <Icon path="M5.5 4 2.5 7l3 3M3 7h6.5a3.5 3.5 0 0 1 0 7H8" size={15} />
);
export const RedoIcon = () => (
  <Icon path="M10.5 4l3 3-3 3M13 7H6.5a3.5 3.5 0 0 0 0 7H8" size={15} />
);
