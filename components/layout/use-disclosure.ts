"use client";

import { useCallback, useEffect, useId, useRef, useState } from "react";

/**
 * A button that shows and hides a panel (a menu of links, the phone menu). Escape closes it and puts focus
 * back on the button; a click outside `area` closes it. Spread `buttonProps` on the button, give the panel
 * `id={panelId}`, and put both inside the element holding `area`.
 */
export function useDisclosure() {
  const [open, setOpen] = useState(false);
  const area = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = useCallback(() => setOpen(false), []);
  useEffect(() => {
    if (!open) return;
    function onKey(e: KeyboardEvent) {
      if (e.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    }
    function onPointer(e: PointerEvent) {
      if (e.target instanceof Node && !area.current?.contains(e.target)) setOpen(false);
    }
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);
  return {
    open,
    close,
    area,
    panelId,
    buttonProps: {
      ref: button,
      type: "button" as const,
      "aria-expanded": open,
      "aria-controls": panelId,
      onClick: () => setOpen((o) => !o),
    },
  };
}
