import { BAN_DURATIONS, DURATION_LABELS } from '@/lib/desk/ban-durations';

/** « Durée » of a ban: a suspension of an hour, a day or a week, or for good. */
export function DurationField({ defaultValue = '24h' }: { defaultValue?: string }) {
  return (
    <label className="text-sm">
      Durée
      <select name="duration" defaultValue={defaultValue} className="ml-1 rounded border border-line bg-paper px-1 py-0.5">
        {BAN_DURATIONS.map((duration) => (
          <option key={duration} value={duration}>
            {DURATION_LABELS[duration]}
          </option>
        ))}
      </select>
    </label>
  );
}
