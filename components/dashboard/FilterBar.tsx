"use client";
// The filter bar. It holds no state of its own: every choice is written to the
// URL (a new history entry, so back/forward walk through views), and the server
// renders the dashboard for that URL. A link is therefore always a shareable view.
import { useId, useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { METRICS, METRIC_KEYS, type Metric, type ReportStatus } from "@/lib/domain";
import { Combobox, type Option as ComboboxOption } from "@/components/Combobox";
import { dashboardHref, type DashboardFilters, type DashboardView } from "@/lib/dashboard/filters";

export interface Option {
  value: string;
  label: string;
  hint?: string;
  aliases?: readonly string[];
}

export interface FilterOptions {
  countries: Option[];
  sources: Option[];
  organisations: Option[];
  outlets: Option[];
  canSeeDrafts: boolean;
}

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function presets(): Array<{ id: string; label: string; from?: string; to?: string }> {
  const now = Date.now();
  const yearsAgo = (n: number) => isoDay(now - n * 365.25 * DAY);
  return [
    { id: "all", label: "All time" },
    { id: "12m", label: "Last 12 months", from: isoDay(now - 365 * DAY) },
    { id: "5y", label: "Last 5 years", from: yearsAgo(5) },
    { id: "10y", label: "Last 10 years", from: yearsAgo(10) },
  ];
}

/** A multiple choice with search: type, pick a suggestion (Enter or click), remove with the chip's button. */
function MultiPicker({
  label,
  options,
  selected,
  onChange,
  placeholder,
}: {
  label: string;
  options: Option[];
  selected: string[];
  onChange: (values: string[]) => void;
  placeholder: string;
}) {
  const id = useId();
  const byValue = new Map(options.map((option) => [option.value, option.label]));
  const choices = useMemo<Array<ComboboxOption<string>>>(
    () => options.filter((o) => !selected.includes(o.value)).map((o) => ({ key: o.value, label: o.label, hint: o.hint, aliases: o.aliases, value: o.value })),
    [options, selected],
  );
  return (
    <div className="filter filter--multi">
      <label htmlFor={id} className="filter__label">
        {label}
      </label>
      <div className="picker">
        {selected.map((value) => (
          <span key={value} className="chip">
            {byValue.get(value) ?? value}
            <button type="button" className="chip__remove" aria-label={`Remove ${byValue.get(value) ?? value}`} onClick={() => onChange(selected.filter((v) => v !== value))}>
              ×
            </button>
          </span>
        ))}
        <Combobox
          label={label}
          inputId={id}
          inputClassName="picker__input"
          selected=""
          options={choices}
          placeholder={selected.length ? "Add…" : placeholder}
          onSelect={(value) => onChange([...selected, value])}
        />
      </div>
    </div>
  );
}

export function FilterBar({ filters, view, options }: { filters: DashboardFilters; view: DashboardView; options: FilterOptions }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const go = (next: DashboardFilters) => startTransition(() => router.push(dashboardHref(next, view), { scroll: false }));
  const set = <K extends keyof DashboardFilters>(key: K, value: DashboardFilters[K]) => {
    const next = { ...filters, [key]: value };
    if (Array.isArray(value) && value.length === 0) delete next[key];
    if (value === undefined || value === "") delete next[key];
    go(next);
  };
  const periodPresets = presets();
  const activePreset = periodPresets.find((p) => p.from === filters.from && p.to === filters.to)?.id ?? "custom";
  const statuses: ReportStatus[] = filters.status ?? ["published"];
  const toggleStatus = (status: ReportStatus, on: boolean) => {
    const next = on ? [...statuses, status] : statuses.filter((s) => s !== status);
    set("status", next.length ? next : ["published"]);
  };
  const activeCount = Object.keys(filters).length;
  // On a phone the fields fold away behind one button; wider screens always show them.
  const [open, setOpen] = useState(false);

  return (
    <form
      className={open ? "filter-bar filter-bar--open" : "filter-bar"}
      aria-label="Filters"
      aria-busy={pending}
      onSubmit={(event) => event.preventDefault()}
    >
      <button type="button" className="button filter-bar__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        Filters{activeCount ? ` (${activeCount} set)` : ""} {open ? "▴" : "▾"}
      </button>
      <MultiPicker
        label="Target country"
        placeholder="Any target"
        options={options.countries}
        selected={filters.target ?? []}
        onChange={(values) => set("target", values)}
      />
      <MultiPicker
        label="Source country or region"
        placeholder="Any source"
        options={options.sources}
        selected={filters.source ?? []}
        onChange={(values) => set("source", values)}
      />
      <div className="filter filter--period">
        <label className="filter__label" htmlFor="period-preset">
          Period
        </label>
        <div className="period">
          <select
            id="period-preset"
            value={activePreset}
            onChange={(event) => {
              const preset = periodPresets.find((p) => p.id === event.target.value);
              if (preset) go({ ...filters, from: preset.from, to: preset.to });
            }}
          >
            {periodPresets.map((preset) => (
              <option key={preset.id} value={preset.id}>
                {preset.label}
              </option>
            ))}
            <option value="custom" disabled={activePreset !== "custom"}>
              Custom
            </option>
          </select>
          <input
            type="date"
            aria-label="From"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(event) => set("from", event.target.value || undefined)}
          />
          <span aria-hidden="true">–</span>
          <input type="date" aria-label="To" value={filters.to ?? ""} min={filters.from} onChange={(event) => set("to", event.target.value || undefined)} />
        </div>
      </div>
      <div className="filter">
        <label className="filter__label" htmlFor="metric">
          Metric
        </label>
        <select
          id="metric"
          value={filters.metric?.length === 1 ? filters.metric[0] : ""}
          onChange={(event) => set("metric", event.target.value ? [event.target.value as Metric] : undefined)}
        >
          <option value="">All metrics</option>
          {METRIC_KEYS.map((metric) => (
            <option key={metric} value={metric}>
              {METRICS[metric]}
            </option>
          ))}
        </select>
      </div>
      <MultiPicker
        label="Speaker organisation"
        placeholder="Any organisation"
        options={options.organisations}
        selected={filters.org ?? []}
        onChange={(values) => set("org", values)}
      />
      <MultiPicker
        label="Outlet"
        placeholder="Any outlet"
        options={options.outlets}
        selected={(filters.outlet ?? []).map(String)}
        onChange={(values) => set("outlet", values.map(Number))}
      />
      <fieldset className="filter filter--status">
        <legend className="filter__label">Status</legend>
        {(["published", "retracted", ...(options.canSeeDrafts ? ["draft"] : [])] as ReportStatus[]).map((status) => (
          <label key={status} className="checkbox">
            <input type="checkbox" checked={statuses.includes(status)} onChange={(event) => toggleStatus(status, event.target.checked)} />
            {status}
          </label>
        ))}
      </fieldset>
      <div className="filter filter--actions">
        <span className="filter-bar__status" role="status">
          {pending ? "Updating…" : ""}
        </span>
        {activeCount > 0 && (
          <button type="button" className="button button--quiet" onClick={() => go({})}>
            Clear filters
          </button>
        )}
      </div>
    </form>
  );
}
