"use client";
// Small pieces the report form is built from: a labelled field with its error
// beside it, and the option lists of the pickers.
import { useId } from "react";
import { COUNTRIES, COUNTRY_OTHER_NAMES, REGIONS } from "@/lib/reference-data";
import type { Option } from "@/components/Combobox";

export function Field({
  label,
  error,
  hint,
  className,
  children,
}: {
  label: string;
  error?: string;
  hint?: string;
  className?: string;
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => React.ReactNode;
}) {
  const id = useId();
  const describedBy = [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`field${error ? " field--invalid" : ""}${className ? ` ${className}` : ""}`}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, ...(error ? { "aria-invalid": true as const } : {}), ...(describedBy ? { "aria-describedby": describedBy } : {}) })}
      {hint && !error && (
        <span className="field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field__error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

export const COUNTRY_OPTIONS: Option<string>[] = COUNTRIES.map((c) => ({
  key: c.code,
  label: c.name,
  hint: c.code,
  aliases: COUNTRY_OTHER_NAMES.get(c.code),
  value: c.code,
}));
export const REGION_OPTIONS: Option<string>[] = REGIONS.filter((r) => r.kind !== "world").map((r) => ({
  key: r.code,
  label: r.name,
  hint: `${r.kind === "continent" ? "continent" : "region"} ${r.code}`,
  value: r.code,
}));

export const countryName = (code: string | null | undefined) => (code ? (COUNTRIES.find((c) => c.code === code)?.name ?? code) : "");
export const regionName = (code: string | null | undefined) => (code ? (REGIONS.find((r) => r.code === code)?.name ?? code) : "");

export function RemoveButton({ label, onClick, disabled }: { label: string; onClick: () => void; disabled?: boolean }) {
  return (
    <button type="button" className="button button--small button--quiet" onClick={onClick} disabled={disabled} aria-label={label} title={label}>
      Remove
    </button>
  );
}
