// The frame size of a motion export (GIF or video), one of motionSizes, chosen by its index.
import { motionSizes } from './motion-plan';

export function MotionSizeSelect({
  value,
  onChange,
}: {
  value: number;
  onChange(index: number): void;
}) {
  return (
    <label>
      Size{' '}
      <select
        aria-label="Motion size"
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {motionSizes.map((size, index) => (
          <option key={size.label} value={index}>
            {size.label}
          </option>
        ))}
      </select>
    </label>
  );
}
