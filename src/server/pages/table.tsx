import type { ComponentChildren } from 'preact';

/** A column header: its text, or its content with an id (cells may point at it). */
export type TableHeader = string | { label: ComponentChildren; id?: string };

/** A table with its column headers, in a wrapper that scrolls sideways on a narrow phone
 * and can be reached by keyboard to do so (axe: scrollable-region-focusable). A table is
 * named by its caption (seen, or only heard with `captionHidden`) or by the heading
 * `labelledBy` points at. */
export function Table({
  headers,
  children,
  caption,
  captionHidden,
  labelledBy,
  class: className,
}: {
  headers: TableHeader[];
  children: ComponentChildren;
  caption?: ComponentChildren;
  captionHidden?: boolean;
  labelledBy?: string;
  class?: string;
}) {
  return (
    <div class="table-wrap" tabindex={0}>
      <table class={className} aria-labelledby={labelledBy}>
        {caption !== undefined && (
          <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        )}
        <thead>
          <tr>
            {headers.map((h, i) =>
              typeof h === 'string' ? (
                <th key={h} scope="col">
                  {h}
                </th>
              ) : (
                <th key={h.id ?? i} scope="col" id={h.id}>
                  {h.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** The header of the actions column: there for screen readers, quiet for the eye. */
export function actionsHeader(label: string): TableHeader {
  return { label: <span class="muted">{label}</span> };
}
