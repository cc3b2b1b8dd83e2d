/**
 * The provider order: empty means the server's own order; once the user moves a provider, the
 * whole list is kept, and its first provider wins when stores disagree.
 */
import type { ProviderName } from '@liner/shared/model';
import { providerName } from '../content/ui/format.ts';

export interface ProviderOrderProps {
  all: readonly ProviderName[];
  order: ProviderName[];
  onChange(order: ProviderName[]): void;
}

export function ProviderOrder({ all, order, onChange }: ProviderOrderProps) {
  const shown = order.length ? [...order, ...all.filter((p) => !order.includes(p))] : [...all];
  const move = (index: number, by: -1 | 1) => {
    const next = [...shown];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  return (
    <fieldset data-liner="provider-order">
      <legend>Provider order (the first one's release wins when stores disagree)</legend>
      {order.length === 0 && <p>The server's order is used.</p>}
      <ol>
        {shown.map((name, i) => (
          <li key={name} data-provider={name}>
            {providerName(name)}{' '}
            <button
              type="button"
              aria-label={`Move ${providerName(name)} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move ${providerName(name)} down`}
              disabled={i === shown.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓
            </button>
          </li>
        ))}
      </ol>
      {order.length > 0 && (
        <button type="button" onClick={() => onChange([])}>
          Use the server's order
        </button>
      )}
    </fieldset>
  );
}
