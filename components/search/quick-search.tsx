"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState } from "react";
import { assetTypeLabels, type AssetType } from "@/lib/assets";
import { LineIcon } from "@/components/ui/line-icon";
import { OptionList, optionId } from "@/components/ui/option-list";

interface QuickResult {
  id: string;
  title: string;
  type: AssetType;
}

async function fetchResults(q: string, signal: AbortSignal): Promise<QuickResult[]> {
  // record=false: keystrokes are not searches; the full results page records the one the rep runs. The
  // palette shows no facets, so they are not counted (facets=false).
  const params = new URLSearchParams({ q, limit: "8", record: "false", facets: "false" });
  const response = await fetch(`/api/v1/assets?${params}`, { signal });
  if (!response.ok) throw new Error(`Search failed (${response.status})`);
  return ((await response.json()) as { items: QuickResult[] }).items;
}

function useDebounced(value: string, ms: number) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return debounced;
}

/**
 * The search box everywhere: Ctrl+K (⌘K) or "/" opens it from any page, results come as you type, arrows
 * move, Enter opens the highlighted asset or, with none, the full results page.
 */
export function QuickSearch() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const term = useDebounced(q.trim(), 150);
  const {
    data = [],
    isFetching,
    isError,
  } = useQuery({
    queryKey: ["quick-search", term],
    queryFn: ({ signal }) => fetchResults(term, signal),
    enabled: open && term.length > 0,
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const typing =
        e.target instanceof HTMLElement && e.target.closest("input, textarea, select, [contenteditable]");
      if ((e.key === "k" && (e.ctrlKey || e.metaKey)) || (e.key === "/" && !typing)) {
        e.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    setQ("");
    setActive(-1);
  };
  const go = (href: string) => {
    close();
    router.push(href);
  };
  const results = term ? data : [];

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex h-11 min-w-11 items-center justify-center gap-3 rounded-md px-3 text-sm text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-brand-600 xl:h-auto xl:py-1.5"
        aria-keyshortcuts="Control+K"
      >
        <LineIcon className="h-5 w-5 sm:hidden">
          <circle cx="11" cy="11" r="7" />
          <path d="M20 20l-4-4" />
        </LineIcon>
        <span className="sr-only sm:not-sr-only">Search…</span>
        <kbd className="hidden rounded bg-slate-100 px-1.5 text-xs text-slate-600 md:inline">Ctrl K</kbd>
      </button>
      {open ? (
        <div
          className="fixed inset-0 z-50 flex items-start justify-center bg-slate-900/40 p-4 pt-[12vh]"
          onMouseDown={(e) => e.target === e.currentTarget && close()}
        >
          <div
            role="dialog"
            aria-modal="true"
            aria-label="Quick search"
            className="w-full max-w-xl rounded-lg bg-white shadow-xl"
          >
            <input
              ref={input}
              value={q}
              onChange={(e) => {
                setQ(e.target.value);
                setActive(-1);
              }}
              onKeyDown={(e) => {
                if (e.key === "Escape") close();
                else if (e.key === "ArrowDown") {
                  e.preventDefault();
                  setActive((i) => Math.min(results.length - 1, i + 1));
                } else if (e.key === "ArrowUp") {
                  e.preventDefault();
                  setActive((i) => Math.max(-1, i - 1));
                } else if (e.key === "Enter" && q.trim()) {
                  e.preventDefault();
                  const chosen = results[active];
                  go(chosen ? `/assets/${chosen.id}` : `/search?q=${encodeURIComponent(q.trim())}`);
                }
              }}
              role="combobox"
              aria-expanded={results.length > 0}
              aria-controls={listId}
              aria-activedescendant={active >= 0 ? optionId(listId, active) : undefined}
              aria-label="Search assets"
              placeholder="Search assets by title, tag or words inside the file"
              className="w-full rounded-t-lg border-b border-slate-200 px-4 py-3 text-base outline-none"
            />
            <OptionList
              id={listId}
              label="Quick results"
              className="max-h-80 overflow-y-auto py-1"
              options={results}
              active={active}
              optionClassName={(highlighted) =>
                `flex cursor-pointer items-center justify-between gap-3 px-4 py-2 text-sm ${highlighted ? "bg-brand-50 text-brand-800" : "text-slate-800"}`
              }
              onPick={(r) => go(`/assets/${r.id}`)}
              onHover={setActive}
            >
              {(r) => (
                <>
                  <span className="truncate">{r.title}</span>
                  <span className="shrink-0 text-xs text-slate-500">{assetTypeLabels[r.type]}</span>
                </>
              )}
            </OptionList>
            <p className="border-t border-slate-100 px-4 py-2 text-xs text-slate-500" aria-live="polite">
              {isError
                ? "Search is unavailable right now."
                : term && !isFetching && results.length === 0
                  ? "No matches. Press Enter to see suggestions."
                  : "↑↓ to move · Enter to open · Esc to close"}
            </p>
          </div>
        </div>
      ) : null}
    </>
  );
}
