import type { ComponentChildren } from 'preact';

/** A table with its column headers, in a wrapper that scrolls sideways on a narrow phone
 * and can be reached by keyboard to do so (axe: scrollable-region-focusable). */
export function Table({ headers, children }: { headers: string[]; children: ComponentChildren }) {
  return (
    <div class="table-wrap" tabindex={0}>
      <table>
        <thead>
          <tr>
            {headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
