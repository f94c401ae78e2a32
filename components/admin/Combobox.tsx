"use client";
// A text box that searches a list as you type: arrow keys to move, Enter to
// pick (the first match when none is highlighted), Escape to close. Options
// come from a fixed list (countries, regions) or from the API (speakers,
// outlets). ARIA combobox pattern, so screen readers announce the choices.
import { useEffect, useId, useMemo, useRef, useState } from "react";

export interface Option<T> {
  key: string;
  label: string;
  hint?: string;
  value: T;
}

const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/** Best matches first: the exact name or code, then names starting with the text (shortest first), then a word of the name, then anywhere. */
export function filterOptions<T>(options: readonly Option<T>[], query: string, limit = 12): Option<T>[] {
  const q = fold(query.trim());
  if (!q) return options.slice(0, limit);
  const scored: Array<[number, number, Option<T>]> = [];
  for (const option of options) {
    const label = fold(option.label);
    const key = fold(option.key);
    const score =
      label === q || key === q ? 0 : label.startsWith(q) ? 1 : label.split(/[\s(),-]+/).some((word) => word.startsWith(q)) ? 2 : `${label} ${key}`.includes(q) ? 3 : -1;
    if (score >= 0) scored.push([score, label.length, option]);
  }
  return scored
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .slice(0, limit)
    .map(([, , option]) => option);
}

export function Combobox<T>({
  label,
  selected,
  options,
  load,
  onSelect,
  createLabel,
  onCreate,
  placeholder,
  invalid,
  describedBy,
  name,
}: {
  label: string;
  /** What is chosen now, shown in the box when it is not being edited. */
  selected: string;
  options?: readonly Option<T>[];
  /** For large lists: fetch matches from the server. */
  load?: (query: string) => Promise<Option<T>[]>;
  onSelect: (value: T) => void;
  /** A last entry "New … 'query'" that hands the typed text to onCreate. */
  createLabel?: (query: string) => string;
  onCreate?: (query: string) => void;
  placeholder?: string;
  invalid?: boolean;
  describedBy?: string;
  name?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [loaded, setLoaded] = useState<{ query: string; options: Option<T>[] } | null>(null);
  /** Enter was pressed before the server answered: pick the first match when it does. */
  const [enterPending, setEnterPending] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!load || !open) return;
    let cancelled = false;
    const asked = query ?? "";
    const timer = setTimeout(() => {
      load(asked).then(
        (result) => !cancelled && setLoaded({ query: asked, options: result }),
        () => !cancelled && setLoaded({ query: asked, options: [] }),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [load, open, query]);

  // With a server search, nothing is offered (not even "New …") until it has answered for what was typed:
  // a quick Enter must not create a duplicate of something that exists.
  const ready = !load || loaded?.query === (query ?? "");
  const matches = useMemo(() => (load ? (ready ? loaded!.options : []) : filterOptions(options ?? [], query ?? "")), [load, ready, loaded, options, query]);
  const creating = ready && Boolean(onCreate && createLabel && (query ?? "").trim());
  const total = matches.length + (creating ? 1 : 0);

  useEffect(() => {
    if (enterPending && ready) {
      setEnterPending(false);
      if (total > 0) choose(0);
    }
  }, [enterPending, ready, total]); // choose() reads the current matches; it need not re-run the effect

  function choose(index: number) {
    if (index < matches.length) onSelect(matches[index].value);
    else if (creating) onCreate!((query ?? "").trim());
    else return;
    setQuery(null);
    setOpen(false);
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setOpen(true);
      setActive((a) => (total ? (a + 1) % total : 0));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((a) => (total ? (a - 1 + total) % total : 0));
    } else if (event.key === "Enter") {
      if (open && !ready) {
        event.preventDefault();
        setEnterPending(true);
      } else if (open && total > 0) {
        event.preventDefault();
        choose(Math.min(active, total - 1));
      }
    } else if (event.key === "Escape") {
      setOpen(false);
      setQuery(null);
    }
  }

  return (
    <div className="combobox">
      <input
        ref={input}
        name={name}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && total ? `${id}-option-${Math.min(active, total - 1)}` : undefined}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        autoComplete="off"
        placeholder={placeholder}
        value={query ?? selected}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={(event) => {
          event.target.select();
          setOpen(true);
        }}
        onBlur={() => {
          // Let a click on an option land first.
          setTimeout(() => {
            setOpen(false);
            setQuery(null);
          }, 150);
        }}
        onKeyDown={onKeyDown}
      />
      {open && (
        <ul id={listId} role="listbox" className="combobox__list" aria-label={label}>
          {matches.map((option, index) => (
            <li
              key={option.key}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? "combobox__option combobox__option--active" : "combobox__option"}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(index);
              }}
            >
              <span>{option.label}</span>
              {option.hint && <span className="combobox__hint">{option.hint}</span>}
            </li>
          ))}
          {creating && (
            <li
              id={`${id}-option-${matches.length}`}
              role="option"
              aria-selected={active === matches.length}
              className={active === matches.length ? "combobox__option combobox__option--new combobox__option--active" : "combobox__option combobox__option--new"}
              onMouseDown={(event) => {
                event.preventDefault();
                choose(matches.length);
              }}
            >
              {createLabel!((query ?? "").trim())}
            </li>
          )}
          {!ready && <li className="combobox__empty">Searching…</li>}
          {ready && total === 0 && <li className="combobox__empty">No match</li>}
        </ul>
      )}
    </div>
  );
}
