"use client";
// A text box that searches a list as you type, built on Downshift's useCombobox (the ARIA 1.2
// combobox pattern: arrow keys move, Enter picks the highlighted suggestion, Escape closes).
// One component for the dashboard's filters and the admin form's pickers. Nothing is chosen
// while typing: only Enter on a highlighted suggestion, or a click, picks. The first suggestion
// is highlighted as soon as there is one, so a full name followed by Enter picks it.
// Options come from a fixed list (countries, regions) or from the API (speakers, outlets).
import { useEffect, useMemo, useState } from "react";
import { useCombobox } from "downshift";
import { searchOptions } from "@/lib/option-search";
import "./combobox.css";

export interface Option<T> {
  key: string;
  label: string;
  hint?: string;
  /** Other names the option is found by ("USA", "Turkey"). */
  aliases?: readonly string[];
  value: T;
}

type Item<T> = { kind: "option"; option: Option<T> } | { kind: "create"; text: string };

const { stateChangeTypes } = useCombobox;

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
  inputId,
  inputClassName,
}: {
  label: string;
  /** What is chosen now, shown in the box when it is not being edited ("" for a box that adds to a list). */
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
  /** For a visible <label htmlFor>. */
  inputId?: string;
  inputClassName?: string;
}) {
  /** null: not being edited, the box shows `selected`. */
  const [query, setQuery] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<{ query: string; options: Option<T>[] } | null>(null);
  /** Enter was pressed before the server answered: pick the highlighted (first) match when it does. */
  const [enterPending, setEnterPending] = useState(false);
  const [open, setOpen] = useState(false);
  const text = query ?? "";

  useEffect(() => {
    if (!load || !open) return;
    let cancelled = false;
    const timer = setTimeout(() => {
      load(text).then(
        (result) => !cancelled && setLoaded({ query: text, options: result }),
        () => !cancelled && setLoaded({ query: text, options: [] }),
      );
    }, 150);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [load, open, text]);

  // With a server search, nothing is offered (not even "New …") until it has answered for what was typed:
  // a quick Enter must not create a duplicate of something that exists.
  const ready = !load || loaded?.query === text;
  const items = useMemo<Item<T>[]>(() => {
    const matches = load ? (ready ? loaded!.options : []) : searchOptions(options ?? [], text);
    const list: Item<T>[] = matches.map((option) => ({ kind: "option", option }));
    if (ready && onCreate && createLabel && text.trim()) list.push({ kind: "create", text: text.trim() });
    return list;
  }, [load, ready, loaded, options, text, onCreate, createLabel]);

  function pick(item: Item<T> | null | undefined) {
    if (!item) return;
    if (item.kind === "option") onSelect(item.option.value);
    else onCreate!(item.text);
    setQuery(null);
  }

  const { isOpen, highlightedIndex, getInputProps, getMenuProps, getItemProps, openMenu, closeMenu } = useCombobox<Item<T>>({
    items,
    inputId,
    itemToString: (item) => (item ? (item.kind === "option" ? item.option.label : item.text) : ""),
    itemToKey: (item) => (item ? (item.kind === "option" ? `o:${item.option.key}` : "create") : null),
    inputValue: query ?? selected,
    selectedItem: null,
    stateReducer: (state, { type, changes }) => {
      switch (type) {
        case stateChangeTypes.InputChange:
          // Highlight the first suggestion of the new text (Downshift would look at the old list).
          return { ...changes, highlightedIndex: 0 };
        case stateChangeTypes.InputBlur:
          // Leaving the box never picks anything.
          return { ...changes, selectedItem: state.selectedItem, inputValue: state.inputValue };
        case stateChangeTypes.InputKeyDownEscape:
          return { ...changes, selectedItem: state.selectedItem };
        default:
          return changes;
      }
    },
    onStateChange: (change) => {
      if (change.isOpen !== undefined) setOpen(change.isOpen);
      switch (change.type) {
        case stateChangeTypes.InputChange:
          setQuery(change.inputValue ?? "");
          break;
        case stateChangeTypes.InputKeyDownEnter:
        case stateChangeTypes.ItemClick:
          if (change.selectedItem) pick(change.selectedItem);
          break;
        case stateChangeTypes.InputBlur:
        case stateChangeTypes.InputKeyDownEscape:
          setQuery(null);
          break;
      }
    },
  });

  useEffect(() => {
    if (enterPending && ready) {
      setEnterPending(false);
      if (highlightedIndex >= 0) pick(items[highlightedIndex] ?? items[0]);
      else pick(items[0]);
      closeMenu();
    }
  }, [enterPending, ready]); // pick() reads the current items; it need not re-run the effect

  return (
    <div className="combobox">
      <input
        {...getInputProps({
          name,
          "aria-label": label,
          "aria-invalid": invalid || undefined,
          "aria-describedby": describedBy,
          className: inputClassName,
          placeholder,
          autoComplete: "off",
          onFocus: (event) => {
            event.currentTarget.select();
            if (!isOpen) openMenu();
          },
          onKeyDown: (event) => {
            if (event.key === "Enter" && isOpen && !ready) {
              event.preventDefault();
              (event.nativeEvent as KeyboardEvent & { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
              setEnterPending(true);
            }
          },
        })}
      />
      <ul {...getMenuProps({ "aria-label": label })} className="combobox__list" hidden={!isOpen}>
        {isOpen &&
          items.map((item, index) => {
            const active = index === highlightedIndex;
            const className = `combobox__option${item.kind === "create" ? " combobox__option--new" : ""}${active ? " combobox__option--active" : ""}`;
            return (
              <li key={item.kind === "option" ? item.option.key : "create"} className={className} {...getItemProps({ item, index })}>
                {item.kind === "option" ? (
                  <>
                    <span>{item.option.label}</span>
                    {item.option.hint && <span className="combobox__hint">{item.option.hint}</span>}
                  </>
                ) : (
                  createLabel!(item.text)
                )}
              </li>
            );
          })}
        {isOpen && !ready && <li className="combobox__empty">Searching…</li>}
        {isOpen && ready && items.length === 0 && <li className="combobox__empty">No match</li>}
      </ul>
    </div>
  );
}
