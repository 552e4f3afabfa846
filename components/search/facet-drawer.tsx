"use client";

import { useRef, useState, type ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";

/**
 * Below 1024 px the filters wait behind a button so the results come first. The drawer is a modal
 * dialog: focus stays inside, Escape closes it and focus returns to the button. It stays open while
 * filters are picked (each one reloads the results behind it) until "Show results".
 */
export function FacetDrawer({ selected, children }: { selected: number; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        className={buttonClass("secondary", "min-h-11")}
        aria-haspopup="dialog"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Filters{selected ? ` (${selected})` : ""}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="facet-drawer-title"
        onClose={() => setOpen(false)}
        className="m-0 ml-auto h-dvh max-h-none w-[min(22rem,100%)] max-w-none bg-white p-0 shadow-xl backdrop:bg-slate-900/40"
      >
        {open ? (
          <div className="flex h-full flex-col">
            <div className="flex items-center justify-between border-b border-slate-200 px-4 py-2">
              <h2 id="facet-drawer-title" className="text-base font-semibold text-slate-900">
                Filters
              </h2>
              <button
                type="button"
                className={buttonClass("ghost", "min-h-11")}
                onClick={() => dialog.current?.close()}
              >
                Show results
              </button>
            </div>
            <div className="flex-1 overflow-y-auto p-4">{children}</div>
          </div>
        ) : null}
      </dialog>
    </div>
  );
}
